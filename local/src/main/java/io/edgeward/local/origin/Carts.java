package io.edgeward.local.origin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Shopping carts by cart id (a cookie the shop sets), product id → quantity. In memory, bounded. */
final class Carts {

    static final int MAX_CARTS = 100_000;

    private final Map<String, Map<Integer, Integer>> carts = new ConcurrentHashMap<>();

    Map<Integer, Integer> get(String cartId) {
        return cartId == null ? Map.of() : Map.copyOf(carts.getOrDefault(cartId, Map.of()));
    }

    /** Adds a product; false when the store is full and the cart is new. */
    boolean add(String cartId, int productId, int quantity) {
        if (!carts.containsKey(cartId) && carts.size() >= MAX_CARTS) {
            return false;
        }
        carts.computeIfAbsent(cartId, id -> new ConcurrentHashMap<>()).merge(productId, quantity, Integer::sum);
        return true;
    }

    void clear(String cartId) {
        if (cartId != null) {
            carts.remove(cartId);
        }
    }
}
