package io.edgeward.edge.core.response;

/**
 * HTML in generated responses: whether the client wants a page at all, and escaping for element content and double-
 * or single-quoted attribute values.
 */
public final class Html {

    private Html() {
    }

    /** Browsers name text/html when navigating; fetch, XHR and API clients send {@code *}/{@code *} or JSON. */
    public static boolean wantedBy(String accept) {
        return accept != null && (accept.indexOf("text/html") >= 0 || accept.indexOf("application/xhtml") >= 0);
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }
}
