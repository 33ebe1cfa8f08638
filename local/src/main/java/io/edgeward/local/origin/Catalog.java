package io.edgeward.local.origin;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The demo shop's fixed products. */
final class Catalog {

    /** A product; price in cents. */
    record Product(int id, String name, int priceCents, String description, String color) {
        String price() {
            return String.format(Locale.ROOT, "%d.%02d", priceCents / 100, priceCents % 100);
        }
    }

    private static final List<Product> PRODUCTS = List.of(
            new Product(1, "Trail running shoes", 12900, "Light shoes with a grippy sole for muddy trails.", "#d9480f"),
            new Product(2, "Merino wool socks", 1900, "Warm, quick-drying socks that do not itch.", "#5c940d"),
            new Product(3, "Rain jacket", 18900, "Three-layer shell, taped seams, packs into its pocket.", "#1864ab"),
            new Product(4, "Headlamp", 4500, "400 lumens, rechargeable, red light for the tent.", "#f59f00"),
            new Product(5, "Water bottle", 2400, "750 ml insulated steel bottle.", "#0b7285"),
            new Product(6, "Running vest", 9900, "8 litres, two soft flasks, fits snugly.", "#862e9c"),
            new Product(7, "Trekking poles", 7900, "Carbon, foldable, cork grips.", "#495057"),
            new Product(8, "Sun cap", 2900, "Vented cap with a neck flap.", "#e64980"));

    List<Product> all() {
        return PRODUCTS;
    }

    Optional<Product> byId(String id) {
        try {
            int wanted = Integer.parseInt(id);
            return PRODUCTS.stream().filter(p -> p.id() == wanted).findFirst();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    List<Product> search(String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return List.of();
        }
        return PRODUCTS.stream()
                .filter(p -> p.name().toLowerCase(Locale.ROOT).contains(q)
                        || p.description().toLowerCase(Locale.ROOT).contains(q))
                .toList();
    }
}
