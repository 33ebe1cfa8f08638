package io.edgeward.local.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in proof-of-work challenge, solved as a script (or the page's Web Worker) would: read the token and
 * difficulty from the challenge page or the JSON envelope, find the first nonce whose SHA-256(token + ":" + nonce)
 * has that many leading zero bits (docs/challenges.md), and post it to the verify path.
 */
public final class ProofOfWork {

    static final String VERIFY_PATH = "/.edgeward/challenge/verify";
    /** A bound on the work for one challenge: 2^26 hashes is far past the default difficulty (18). */
    private static final long MAX_NONCE = 1L << 26;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProofOfWork() {
    }

    /** A challenge to solve: the signed token and the leading zero bits asked for. */
    public record Offer(String token, int difficulty) {
    }

    /** The offer in a challenge page (HTML) or a JSON envelope (top-level {@code challenge} object), if any. */
    public static Optional<Offer> offer(String body) {
        if (body == null || body.isEmpty()) {
            return Optional.empty();
        }
        if (body.trim().startsWith("{")) {
            try {
                JsonNode challenge = JSON.readTree(body).path("challenge");
                String token = challenge.path("token").asText("");
                return token.isEmpty() ? Optional.empty()
                        : Optional.of(new Offer(token, challenge.path("difficulty").asInt(18)));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        String token = attribute(body, "name=\"token\" value=\"");
        String difficulty = attribute(body, "data-difficulty=\"");
        if (token == null || difficulty == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Offer(token, Integer.parseInt(difficulty)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The first nonce with enough leading zero bits, or -1 past the work bound. */
    public static long solve(Offer offer) {
        MessageDigest sha = sha256();
        for (long nonce = 0; nonce < MAX_NONCE; nonce++) {
            if (leadingZeroBits(sha.digest((offer.token() + ":" + nonce).getBytes(StandardCharsets.UTF_8)))
                    >= offer.difficulty()) {
                return nonce;
            }
        }
        return -1;
    }

    /** Solves the offer and posts the answer as the page's form does; true when the edge let it pass. */
    static boolean solveAndPost(SimulatedVisitor visitor, Offer offer) {
        long nonce = solve(offer);
        if (nonce < 0) {
            return false;
        }
        return passed(visitor.postForm(VERIFY_PATH, Map.of("token", offer.token(), "answer", Long.toString(nonce)),
                SimulatedVisitor.HTML));
    }

    /** A verify answer that let the visitor through: the 303 to its page, or 200 {"ok":true} for JSON. */
    static boolean passed(SimulatedVisitor.Answer answer) {
        return answer.status() == 303 || (answer.status() == 200 && answer.body().contains("\"ok\":true"));
    }

    static int leadingZeroBits(byte[] hash) {
        int zeros = 0;
        for (byte b : hash) {
            if (b != 0) {
                return zeros + Integer.numberOfLeadingZeros(b & 0xFF) - 24;
            }
            zeros += 8;
        }
        return zeros;
    }

    private static String attribute(String html, String prefix) {
        int start = html.indexOf(prefix);
        if (start < 0) {
            return null;
        }
        start += prefix.length();
        int end = html.indexOf('"', start);
        return end < 0 ? null : html.substring(start, end);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
