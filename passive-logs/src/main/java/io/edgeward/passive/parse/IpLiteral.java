package io.edgeward.passive.parse;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** IPv4 and IPv6 literals, checked without ever resolving a name. */
final class IpLiteral {

    private IpLiteral() {
    }

    static boolean isValid(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return false;
        }
        if (text.indexOf(':') >= 0) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                    return false;
                }
            }
            try {
                // only hex digits, colons and dots: InetAddress parses this as a literal and never looks it up
                return InetAddress.getByName(text) != null;
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return isIpv4(text);
    }

    private static boolean isIpv4(String text) {
        int parts = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || value > 255) {
                    return false;
                }
                parts++;
                value = -1;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                digits++;
            } else {
                return false;
            }
        }
        return parts == 4;
    }
}
