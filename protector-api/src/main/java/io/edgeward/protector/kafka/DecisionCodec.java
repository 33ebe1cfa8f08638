package io.edgeward.protector.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.edgeward.protector.decision.Decision;
import io.edgeward.protector.decision.DecisionJson;
import io.edgeward.protector.decision.DecisionKey;
import io.edgeward.protector.decision.InvalidDecisionException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * Decisions to and from the decisions topic: key {@code <list>|<scope>|<value>[|sessionless][|route=<route>]}
 * ({@link DecisionKey}), JSON value ({@link DecisionJson}), null = tombstone. A value whose scope, value or
 * qualifiers disagree with its key is rejected.
 */
public final class DecisionCodec {

    private final ObjectReader reader;
    private final ObjectWriter writer;

    public DecisionCodec(ObjectMapper mapper) {
        this.reader = mapper.readerFor(DecisionJson.class);
        this.writer = mapper.writerFor(DecisionJson.class);
    }

    public byte[] encode(Decision decision) {
        try {
            return writer.writeValueAsBytes(DecisionJson.from(decision));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode decision " + decision.id(), e);
        }
    }

    /**
     * A record as the change it makes: a decision to store, or (value null) the key to remove.
     *
     * @throws InvalidDecisionException when the key or value is not a valid decision
     */
    public Change decode(String key, byte[] value) {
        DecisionKey parsedKey = DecisionKey.parse(key);
        if (value == null) {
            return new Change(parsedKey, Optional.empty());
        }
        DecisionJson json;
        try {
            json = reader.readValue(value);
        } catch (IOException e) {
            throw new InvalidDecisionException("value is not a decision JSON object: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Decision decision = json.toDecision(fallbackId(key));
        if (!decision.key().equals(parsedKey)) {
            throw new InvalidDecisionException("value describes " + decision.key().toKafkaKey() + " but the key is " + key);
        }
        return new Change(parsedKey, Optional.of(decision));
    }

    private static String fallbackId(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Change(DecisionKey key, Optional<Decision> decision) {
    }
}
