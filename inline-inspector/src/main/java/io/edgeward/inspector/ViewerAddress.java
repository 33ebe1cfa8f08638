package io.edgeward.inspector;

/**
 * The client IP from CloudFront's {@code CloudFront-Viewer-Address} header ({@code 198.51.100.7:443},
 * {@code 2001:db8::7:443}: the address, a colon, the port). Only meaningful when the request is known to come
 * through CloudFront: anyone else can send the header.
 */
final class ViewerAddress {

    private ViewerAddress() {
    }

    /** The address part, or null when the value is absent or not address:port. */
    static String clientIp(String headerValue) {
        if (headerValue == null) {
            return null;
        }
        String value = headerValue.trim();
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            return null;
        }
        for (int i = colon + 1; i < value.length(); i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return null;
            }
        }
        String address = value.substring(0, colon);
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (!(Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
                return null;
            }
        }
        return address.isEmpty() ? null : address;
    }
}
