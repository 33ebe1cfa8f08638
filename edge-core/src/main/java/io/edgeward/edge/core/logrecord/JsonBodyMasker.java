package io.edgeward.edge.core.logrecord;

/**
 * Masks a JSON body in place, written by hand because the edge policy has no JSON library (TeaVM) and because
 * rewriting in place keeps the body byte-for-byte as sent apart from the masked values, the same on both targets.
 *
 * <p>The value of a sensitive member ({@link FieldNames}, on the key after JSON unescaping) becomes {@code "***"}
 * whatever it is (a string, a number, a whole object or array); {@code null} stays {@code null}. Any string or number
 * holding a card number ({@link CardNumbers}) becomes {@code "***"} too, at any depth, in arrays as in objects.
 *
 * <p>It never throws: text that is not one complete JSON value (cut short, malformed, nested deeper than
 * {@link #MAX_DEPTH}) gives {@code null}, and the caller masks the body wholesale.
 */
final class JsonBodyMasker {

    static final String MASKED_VALUE = "\"***\"";
    static final int MAX_DEPTH = 64;

    private final FieldNames names;
    private final String in;
    private final StringBuilder out;
    private int pos;
    private boolean changed;

    private JsonBodyMasker(FieldNames names, String in) {
        this.names = names;
        this.in = in;
        this.out = new StringBuilder(in.length() + 16);
    }

    /** The masked text (the same instance when nothing was masked), or null when it is not valid JSON. */
    static String mask(String json, FieldNames names) {
        try {
            JsonBodyMasker masker = new JsonBodyMasker(names, json);
            if (!masker.document()) {
                return null;
            }
            return masker.changed ? masker.out.toString() : json;
        } catch (RuntimeException unexpected) {
            // Defence in depth: a fault here must cost the body, never the request or a secret.
            return null;
        }
    }

    private boolean document() {
        whitespace();
        if (!value(0, false)) {
            return false;
        }
        whitespace();
        return pos == in.length();
    }

    private boolean value(int depth, boolean sensitive) {
        if (pos >= in.length() || depth > MAX_DEPTH) {
            return false;
        }
        char c = in.charAt(pos);
        if (c == '{' || c == '[') {
            int mark = out.length();
            boolean ok = c == '{' ? object(depth + 1) : array(depth + 1);
            if (ok && sensitive) {
                replaceFrom(mark);
            }
            return ok;
        }
        if (c == '"') {
            return string(sensitive);
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number(sensitive);
        }
        return literal(sensitive);
    }

    private boolean object(int depth) {
        out.append('{');
        pos++;
        whitespace();
        if (peek('}')) {
            return true;
        }
        while (true) {
            if (!peekIs('"')) {
                return false;
            }
            int keyStart = pos;
            String key = readString();
            if (key == null) {
                return false;
            }
            out.append(in, keyStart, pos);
            whitespace();
            if (!peek(':')) {
                return false;
            }
            whitespace();
            if (!value(depth, names.isSensitive(key))) {
                return false;
            }
            whitespace();
            if (peek('}')) {
                return true;
            }
            if (!peek(',')) {
                return false;
            }
            whitespace();
        }
    }

    private boolean array(int depth) {
        out.append('[');
        pos++;
        whitespace();
        if (peek(']')) {
            return true;
        }
        while (true) {
            if (!value(depth, false)) {
                return false;
            }
            whitespace();
            if (peek(']')) {
                return true;
            }
            if (!peek(',')) {
                return false;
            }
            whitespace();
        }
    }

    private boolean string(boolean sensitive) {
        int start = pos;
        String text = readString();
        if (text == null) {
            return false;
        }
        if (sensitive || CardNumbers.contains(text)) {
            out.append(MASKED_VALUE);
            changed = true;
        } else {
            out.append(in, start, pos);
        }
        return true;
    }

    private boolean number(boolean sensitive) {
        int start = pos;
        boolean digits = false;
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E') {
                break;
            }
            pos++;
        }
        if (!digits) {
            return false;
        }
        if (sensitive || CardNumbers.contains(in.substring(start, pos))) {
            out.append(MASKED_VALUE);
            changed = true;
        } else {
            out.append(in, start, pos);
        }
        return true;
    }

    private boolean literal(boolean sensitive) {
        for (String word : new String[] {"true", "false", "null"}) {
            if (in.startsWith(word, pos)) {
                pos += word.length();
                if (sensitive && !"null".equals(word)) {
                    out.append(MASKED_VALUE);
                    changed = true;
                } else {
                    out.append(word);
                }
                return true;
            }
        }
        return false;
    }

    /** Reads the string starting at {@code pos} (a quote), leaving {@code pos} after it; null when unterminated. */
    private String readString() {
        StringBuilder text = new StringBuilder();
        int i = pos + 1;
        while (i < in.length()) {
            char c = in.charAt(i);
            if (c == '"') {
                pos = i + 1;
                return text.toString();
            }
            if (c != '\\') {
                text.append(c);
                i++;
                continue;
            }
            if (i + 1 >= in.length()) {
                return null;
            }
            char escaped = in.charAt(i + 1);
            if (escaped == 'u') {
                int code = hex4(i + 2);
                if (code < 0) {
                    return null;
                }
                text.append((char) code);
                i += 6;
            } else {
                int at = "\"\\/bfnrt".indexOf(escaped);
                if (at < 0) {
                    return null;
                }
                text.append("\"\\/\b\f\n\r\t".charAt(at));
                i += 2;
            }
        }
        return null;
    }

    private int hex4(int from) {
        if (from + 4 > in.length()) {
            return -1;
        }
        int code = 0;
        for (int i = from; i < from + 4; i++) {
            char c = in.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            code = code * 16 + digit;
        }
        return code;
    }

    private void replaceFrom(int mark) {
        out.setLength(mark);
        out.append(MASKED_VALUE);
        changed = true;
    }

    /** Consumes {@code c} (copying it) when it is next. */
    private boolean peek(char c) {
        if (peekIs(c)) {
            out.append(c);
            pos++;
            return true;
        }
        return false;
    }

    private boolean peekIs(char c) {
        return pos < in.length() && in.charAt(pos) == c;
    }

    private void whitespace() {
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            out.append(c);
            pos++;
        }
    }
}
