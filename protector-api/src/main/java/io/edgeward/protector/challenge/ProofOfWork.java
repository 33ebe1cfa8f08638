package io.edgeward.protector.challenge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The built-in proof-of-work: the answer is a decimal nonce such that SHA-256(token + ":" + nonce) starts with
 * {@code difficulty} zero bits. Checking costs one hash; finding takes 2^difficulty hashes on average.
 */
final class ProofOfWork {

    /** A nonce is a non-negative decimal integer of at most 15 digits (JavaScript integers stay exact). */
    static final int MAX_NONCE_DIGITS = 15;

    private ProofOfWork() {
    }

    static boolean isWellFormed(String answer) {
        if (answer == null || answer.isEmpty() || answer.length() > MAX_NONCE_DIGITS) {
            return false;
        }
        for (int i = 0; i < answer.length(); i++) {
            if (answer.charAt(i) < '0' || answer.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean solves(String token, String nonce, int difficulty) {
        return leadingZeroBits(sha256(token + ":" + nonce)) >= difficulty;
    }

    /** The smallest solving nonce: for tests and benchmarks, which play the browser. */
    static long solve(String token, int difficulty) {
        for (long nonce = 0; ; nonce++) {
            if (solves(token, Long.toString(nonce), difficulty)) {
                return nonce;
            }
        }
    }

    static int leadingZeroBits(byte[] hash) {
        int bits = 0;
        for (byte b : hash) {
            if (b == 0) {
                bits += 8;
                continue;
            }
            return bits + Integer.numberOfLeadingZeros(b & 0xFF) - 24;
        }
        return bits;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
