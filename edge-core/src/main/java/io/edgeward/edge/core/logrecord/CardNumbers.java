package io.edgeward.edge.core.logrecord;

/**
 * Finds payment card numbers in a value whatever its field is called: 13 to 19 digits, written together or in
 * groups separated by one space or dash, that pass the Luhn check. A run of groups longer than 19 digits is searched
 * for a card among its consecutive groups ({@code order 12345 4111 1111 1111 1111}); an unbroken run of more than 19
 * digits is not a card. About one random 13–19 digit number in ten passes Luhn too (an epoch in milliseconds, say):
 * masking it is the price of never shipping a card in clear.
 */
final class CardNumbers {

    static final int MIN_DIGITS = 13;
    static final int MAX_DIGITS = 19;

    private CardNumbers() {
    }

    /** Whether {@code value} holds something that looks like a card number. */
    static boolean contains(String value) {
        if (value == null || value.length() < MIN_DIGITS) {
            return false;
        }
        int i = 0;
        while (i < value.length()) {
            if (isDigit(value.charAt(i))) {
                int end = runEnd(value, i);
                if (runHasCard(value, i, end)) {
                    return true;
                }
                i = end;
            } else {
                i++;
            }
        }
        return false;
    }

    /** The end of the run of digit groups starting at {@code start}: groups joined by single spaces or dashes. */
    private static int runEnd(String value, int start) {
        int i = start;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (isDigit(c)) {
                i++;
            } else if ((c == ' ' || c == '-') && i + 1 < value.length() && isDigit(value.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** Tries every sequence of whole consecutive groups of the run holding 13–19 digits. */
    private static boolean runHasCard(String value, int start, int end) {
        int groupStart = start;
        while (groupStart < end) {
            int digits = 0;
            int i = groupStart;
            while (i < end && digits <= MAX_DIGITS) {
                if (isDigit(value.charAt(i))) {
                    digits++;
                }
                i++;
                boolean groupEnds = i == end || !isDigit(value.charAt(i));
                if (groupEnds && digits >= MIN_DIGITS && digits <= MAX_DIGITS && luhn(value, groupStart, i)) {
                    return true;
                }
            }
            groupStart = nextGroup(value, groupStart, end);
        }
        return false;
    }

    private static int nextGroup(String value, int from, int end) {
        int i = from;
        while (i < end && isDigit(value.charAt(i))) {
            i++;
        }
        return i < end ? i + 1 : end;
    }

    private static boolean luhn(String value, int start, int end) {
        int sum = 0;
        boolean doubled = false;
        for (int i = end - 1; i >= start; i--) {
            char c = value.charAt(i);
            if (!isDigit(c)) {
                continue;
            }
            int d = c - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
