package io.edgeward.local.front;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Tells an IP address literal from anything else a client may put in a header, without DNS lookups. */
final class IpLiteral {

    private static final int MAX_LENGTH = 45;

    private IpLiteral() {
    }

    static boolean isValid(String text) {
        if (text.isEmpty() || text.length() > MAX_LENGTH
                || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return false;
        }
        if (text.indexOf(':') < 0 && !isDottedQuad(text)) {
            return false;
        }
        try {
            InetAddress.getByName(text); // a literal by now: parsed, never resolved
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isDottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
