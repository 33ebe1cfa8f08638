package io.edgeward.local.origin;

/**
 * The demo payment check: a card number must pass the Luhn check, and {@value #DECLINED_CARD} is always declined,
 * so card-testing bots have something to find. {@value #GOOD_CARD} is accepted.
 */
final class Payments {

    static final String GOOD_CARD = "4242424242424242";
    static final String DECLINED_CARD = "4000000000000002";

    boolean charge(String cardNumber) {
        if (cardNumber == null) {
            return false;
        }
        String digits = cardNumber.replace(" ", "").replace("-", "");
        return digits.length() >= 12 && digits.length() <= 19 && digits.chars().allMatch(Character::isDigit)
                && luhn(digits) && !digits.equals(DECLINED_CARD);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
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
}
