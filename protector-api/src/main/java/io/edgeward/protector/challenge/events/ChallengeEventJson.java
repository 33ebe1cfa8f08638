package io.edgeward.protector.challenge.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The topic's value (contract C1), fields always in this order and always present (null when unknown):
 * {@code {"v":1,"time":"2026-12-07T05:00:00.123Z","event":"failed","provider":"pow","reason":"wrong_answer",
 * "solveMs":1234,"sessionId":"…","clientIp":"203.0.113.7"}}. {@code time} always has milliseconds.
 */
public final class ChallengeEventJson {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final JsonFactory FACTORY = new JsonFactory();

    private ChallengeEventJson() {
    }

    public static byte[] encode(ChallengeEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", 1);
            g.writeStringField("time", TIME.format(e.time()));
            g.writeStringField("event", e.kind().wireName());
            g.writeStringField("provider", e.provider());
            g.writeStringField("reason", e.reason());
            g.writeFieldName("solveMs");
            if (e.solveMs() == null) {
                g.writeNull();
            } else {
                g.writeNumber(e.solveMs());
            }
            g.writeStringField("sessionId", e.sessionId());
            g.writeStringField("clientIp", e.clientIp());
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex); // writing to memory: not expected
        }
        return out.toByteArray();
    }
}
