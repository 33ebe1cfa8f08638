package io.edgeward.local.origin;

import java.util.List;
import java.util.Map;

/** The demo shop's HTML. Every value from a request is escaped. */
final class ShopPages {

    private final Catalog catalog;

    ShopPages(Catalog catalog) {
        this.catalog = catalog;
    }

    String home() {
        StringBuilder items = new StringBuilder();
        for (Catalog.Product p : catalog.all()) {
            items.append("<li><a href=\"/products/").append(p.id()).append("\"><img src=\"/static/img/")
                    .append(p.id()).append(".svg\" alt=\"\" width=\"48\" height=\"48\"> ")
                    .append(escape(p.name())).append("</a> ").append(p.price()).append(" EUR</li>\n");
        }
        return page("Edgeward demo shop", "<h1>Outdoor shop</h1>\n<ul class=\"products\">\n" + items + "</ul>");
    }

    String product(Catalog.Product p) {
        return page(p.name(), "<h1>" + escape(p.name()) + "</h1>\n"
                + "<img src=\"/static/img/" + p.id() + ".svg\" alt=\"" + escape(p.name()) + "\" width=\"200\">\n"
                + "<p>" + escape(p.description()) + "</p>\n<p class=\"price\">" + p.price() + " EUR</p>\n"
                + "<form method=\"post\" action=\"/cart/add\"><input type=\"hidden\" name=\"product\" value=\""
                + p.id() + "\"><input type=\"number\" name=\"quantity\" value=\"1\" min=\"1\" max=\"10\">"
                + "<button>Add to cart</button></form>");
    }

    String search(String query, List<Catalog.Product> results) {
        StringBuilder list = new StringBuilder();
        for (Catalog.Product p : results) {
            list.append("<li><a href=\"/products/").append(p.id()).append("\">").append(escape(p.name()))
                    .append("</a></li>\n");
        }
        return page("Search", "<h1>Search</h1>\n<form action=\"/search\"><input name=\"q\" value=\""
                + escape(query == null ? "" : query) + "\"><button>Search</button></form>\n<p>"
                + results.size() + " result(s)</p>\n<ul>\n" + list + "</ul>");
    }

    String login(String message) {
        return page("Log in", "<h1>Log in</h1>\n" + (message == null ? "" : "<p class=\"error\">" + escape(message) + "</p>\n")
                + "<form method=\"post\" action=\"/login\"><label>E-mail <input name=\"email\" type=\"email\"></label>"
                + "<label>Password <input name=\"password\" type=\"password\"></label><button>Log in</button></form>"
                + "\n<p><a href=\"/signup\">Create an account</a></p>");
    }

    String signup(String message) {
        return page("Sign up", "<h1>Sign up</h1>\n" + (message == null ? "" : "<p class=\"error\">" + escape(message) + "</p>\n")
                + "<form method=\"post\" action=\"/signup\"><label>E-mail <input name=\"email\" type=\"email\"></label>"
                + "<label>Password (8+ characters) <input name=\"password\" type=\"password\"></label>"
                + "<button>Sign up</button></form>");
    }

    String cart(Map<Integer, Integer> items) {
        StringBuilder list = new StringBuilder();
        int total = 0;
        for (Map.Entry<Integer, Integer> item : items.entrySet()) {
            Catalog.Product p = catalog.byId(Integer.toString(item.getKey())).orElseThrow();
            total += p.priceCents() * item.getValue();
            list.append("<li>").append(item.getValue()).append(" × ").append(escape(p.name())).append("</li>\n");
        }
        String checkout = items.isEmpty() ? "<p>Your cart is empty.</p>"
                : "<p>Total: " + new Catalog.Product(0, "", total, "", "").price() + " EUR</p>\n"
                + "<form method=\"post\" action=\"/checkout/pay\"><label>Card number <input name=\"card\"></label>"
                + "<button>Pay</button></form>";
        return page("Cart", "<h1>Cart</h1>\n<ul>\n" + list + "</ul>\n" + checkout);
    }

    String paid(String orderId) {
        return page("Thank you", "<h1>Thank you</h1>\n<p>Order " + escape(orderId) + " is on its way.</p>");
    }

    String declined() {
        return page("Payment declined", "<h1>Payment declined</h1>\n<p>Please check the card number.</p>");
    }

    String notFound() {
        return page("Not found", "<h1>Not found</h1>\n<p><a href=\"/\">Back to the shop</a></p>");
    }

    String message(String title, String text) {
        return page(title, "<h1>" + escape(title) + "</h1>\n<p>" + escape(text) + "</p>");
    }

    static String productSvg(Catalog.Product p) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"200\" viewBox=\"0 0 200 200\">"
                + "<rect width=\"200\" height=\"200\" rx=\"24\" fill=\"" + p.color() + "\"/>"
                + "<text x=\"100\" y=\"115\" font-size=\"48\" text-anchor=\"middle\" fill=\"#fff\">" + p.id()
                + "</text></svg>";
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<link rel=\"stylesheet\" href=\"/static/shop.css\">\n"
                + "<script src=\"/static/shop.js\" defer></script>\n"
                + "<script async src=\"/.edgeward/s.js\"></script>\n</head>\n<body>\n"
                + "<nav><a href=\"/\">Shop</a> <a href=\"/search\">Search</a> <a href=\"/cart\">Cart</a> "
                + "<a href=\"/login\">Log in</a></nav>\n<main>\n" + body + "\n</main>\n</body>\n</html>\n";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
