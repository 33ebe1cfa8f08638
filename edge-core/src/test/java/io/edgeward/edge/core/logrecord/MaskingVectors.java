package io.edgeward.edge.core.logrecord;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The shared masking vectors ({@code src/test/resources/masking-vectors.json}): the JVM tests, the Node bundle tests
 * and the end-to-end test through Kafka read the same file. A vector has a query, a body, or both.
 *
 * @param secrets texts that must not survive masking
 */
record MaskingVectors(String name, String query, String maskedQuery, String contentType, String body,
                      String maskedBody, boolean truncated, List<String> secrets) {

    static List<MaskingVectors> all() {
        try (InputStream in = MaskingVectors.class.getResourceAsStream("/masking-vectors.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<List<MaskingVectors>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
