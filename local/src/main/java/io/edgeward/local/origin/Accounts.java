package io.edgeward.local.origin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo shop's accounts, in memory. One documented test account exists from the start:
 * {@value #TEST_EMAIL} / {@value #TEST_PASSWORD}. Passwords are kept as SHA-256 digests (a demo, not a password
 * store) and compared in constant time.
 */
final class Accounts {

    static final String TEST_EMAIL = "shopper@example.com";
    static final String TEST_PASSWORD = "correct horse battery staple";

    /** Outcome of a signup. */
    enum Signup { CREATED, INVALID, TAKEN }

    private final Map<String, byte[]> digests = new ConcurrentHashMap<>();

    Accounts() {
        digests.put(TEST_EMAIL, digest(TEST_PASSWORD));
    }

    boolean verify(String email, String password) {
        if (email == null || password == null) {
            return false;
        }
        byte[] stored = digests.get(email.trim().toLowerCase(Locale.ROOT));
        byte[] given = digest(password);
        return MessageDigest.isEqual(stored == null ? new byte[given.length] : stored, given) && stored != null;
    }

    Signup signup(String email, String password) {
        if (email == null || !email.contains("@") || password == null || password.length() < 8) {
            return Signup.INVALID;
        }
        byte[] previous = digests.putIfAbsent(email.trim().toLowerCase(Locale.ROOT), digest(password));
        return previous == null ? Signup.CREATED : Signup.TAKEN;
    }

    private static byte[] digest(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
