package io.edgeward.env.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared IP vectors, edge-core's {@code src/test/resources/ip-vectors.json}, read by path (no dependency). */
public final class IpVectors {

    public static final Path FILE = Path.of("..", "edge-core", "src", "test", "resources", "ip-vectors.json");

    private IpVectors() {
    }

    public static JsonNode root() {
        try {
            return new ObjectMapper().readTree(FILE.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + FILE.toAbsolutePath(), e);
        }
    }

    /** {@code section}'s cases as arguments: text, the expected canonical text (null: refused). */
    public static List<String[]> textToCanonical(String section) {
        List<String[]> out = new ArrayList<>();
        for (JsonNode c : root().get(section)) {
            out.add(new String[]{c.get("text").textValue(), c.get("canonical").textValue()});
        }
        return out;
    }
}
