package io.edgeward.edge.core.logrecord;

import io.edgeward.edge.core.text.Ascii;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which field names hold secrets, matched the way forms and APIs actually name fields.
 *
 * <p>A name (already percent- or JSON-decoded) is cut into lower-case words at every character that is not a letter
 * or digit ({@code user[password]}, {@code payment.card.number}, {@code x-amz-signature}, {@code new_password}) and
 * between letters and digits ({@code cvv2}); a second reading also cuts camelCase ({@code newPassword},
 * {@code XAmzSignature}, {@code APIKey}). A pattern, cut the same way, matches when its words appear adjacent and in
 * order among either reading's words (a word may add a plural {@code s}). So {@code pass} matches {@code pass},
 * {@code user[pass]} and {@code passPhrase}'s first word, but never {@code passenger} or {@code bypass};
 * {@code api_key} matches {@code X-Api-Key} and {@code apiKey}. Matching on every segment of a bracketed or dotted
 * name means that {@code payment[card][number]} is masked because of {@code card}.
 *
 * <p>Characters beyond ASCII count as letters, so localised names ({@code contraseña}) stay one word.
 */
public final class FieldNames {

    /**
     * Always masked unless named in {@code logging.unmaskDefaults}. Several are implied by others (every
     * {@code *_token} by {@code token}); they are listed so the documentation and the opt-out can name them.
     */
    public static final List<String> DEFAULTS = List.of(
            // passwords and secrets, including common localised names
            "password", "passwd", "pwd", "pass", "passcode", "passphrase", "secret", "passwort", "kennwort",
            "contraseña", "contrasena", "senha", "wachtwoord", "mot_de_passe", "motdepasse",
            // tokens, keys and signatures (OAuth, OIDC, AWS SigV4 presigned URLs, password reset links such as
            // WordPress's ?key=…&login=…, session ids in URLs)
            "token", "access_token", "id_token", "refresh_token", "api_key", "apikey", "auth", "authorization",
            "credential", "credentials", "assertion", "saml_response", "jwt", "private_key",
            "x-amz-signature", "x-amz-credential", "x-amz-security-token", "signature", "sig",
            "key", "code", "otp", "totp", "reset", "session", "sessionid", "sid", "phpsessid", "jsessionid",
            // payment cards, bank accounts and identity numbers
            "card", "cardnumber", "card_number", "creditcard", "cc", "ccnum", "cvv", "cvc", "csc", "cvn",
            "iban", "account_number", "routing_number", "ssn", "pin");

    private static final int OTHER = 0;
    private static final int LOWER = 1;
    private static final int UPPER = 2;
    private static final int DIGIT = 3;

    private final List<String[]> patterns;

    private FieldNames(List<String[]> patterns) {
        this.patterns = patterns;
    }

    /**
     * The defaults, minus those named in {@code unmaskedDefaults}, plus {@code extraNames}.
     *
     * @throws IllegalArgumentException when an opt-out is not a default or a name has no letter or digit
     */
    public static FieldNames of(List<String> extraNames, List<String> unmaskedDefaults) {
        Set<String> unmasked = new HashSet<>();
        for (String name : unmaskedDefaults) {
            String lower = Ascii.lowerCase(name.trim());
            if (!DEFAULTS.contains(lower)) {
                throw new IllegalArgumentException("not a default masked name: " + name);
            }
            unmasked.add(lower);
        }
        List<String[]> patterns = new ArrayList<>();
        for (String name : DEFAULTS) {
            if (!unmasked.contains(name)) {
                patterns.add(pattern(name));
            }
        }
        for (String name : extraNames) {
            patterns.add(pattern(name));
        }
        return new FieldNames(Collections.unmodifiableList(patterns));
    }

    /** The defaults alone. */
    public static FieldNames defaults() {
        return of(List.of(), List.of());
    }

    /** Whether a name, or any word run of it, is a pattern's; case-insensitive. */
    public boolean isSensitive(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        return matchesAny(words(name, false)) || matchesAny(words(name, true));
    }

    /** Whether a name yields at least one word, so that it can ever match. */
    public static boolean hasWords(String name) {
        return !words(name, false).isEmpty();
    }

    private boolean matchesAny(List<String> words) {
        for (String[] pattern : patterns) {
            if (containsRun(words, pattern)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsRun(List<String> words, String[] pattern) {
        for (int start = 0; start + pattern.length <= words.size(); start++) {
            int i = 0;
            while (i < pattern.length && sameWord(words.get(start + i), pattern[i])) {
                i++;
            }
            if (i == pattern.length) {
                return true;
            }
        }
        return false;
    }

    /** Equal, or the word is the pattern word's plural in {@code s} ({@code tokens}, {@code cards}). */
    private static boolean sameWord(String word, String patternWord) {
        return word.equals(patternWord) || (word.length() == patternWord.length() + 1 && word.endsWith("s")
                && word.startsWith(patternWord));
    }

    private static String[] pattern(String name) {
        List<String> words = words(name, false);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a masked name needs a letter or digit, was \"" + name + "\"");
        }
        return words.toArray(new String[0]);
    }

    /** Lower-case words of {@code name}; {@code camel} also cuts before an upper-case letter that starts a word. */
    static List<String> words(String name, boolean camel) {
        List<String> words = new ArrayList<>(4);
        StringBuilder word = new StringBuilder(name.length());
        int previous = OTHER;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            int kind = kind(c);
            boolean cut = kind == OTHER
                    || (previous != OTHER && (kind == DIGIT) != (previous == DIGIT))
                    || (camel && kind == UPPER && (previous == LOWER
                            || (previous == UPPER && i + 1 < name.length() && kind(name.charAt(i + 1)) == LOWER)));
            if (cut && word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
            if (kind != OTHER) {
                word.append(kind == UPPER ? (char) (c + 32) : c);
            }
            previous = kind;
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * ASCII and Latin-1 letters by case (Latin-1 upper case is lower case minus 32, as in ASCII); any other character
     * past ASCII is a letter unless it is a space. Written out rather than with {@code Character}'s Unicode tables,
     * which would add kilobytes to the Node bundle for names that are nearly always ASCII.
     */
    private static int kind(char c) {
        if (c >= 'A' && c <= 'Z' || c >= 0xC0 && c <= 0xDE && c != 0xD7) {
            return UPPER;
        }
        if (c >= 'a' && c <= 'z' || c >= 0xDF && c != 0xF7 || c == 0xAA || c == 0xB5 || c == 0xBA) {
            return isSpace(c) ? OTHER : LOWER;
        }
        return c >= '0' && c <= '9' ? DIGIT : OTHER;
    }

    private static boolean isSpace(char c) {
        return c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F
                || c == 0x205F || c == 0x3000 || c == 0xFEFF;
    }
}
