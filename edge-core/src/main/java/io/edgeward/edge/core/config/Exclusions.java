package io.edgeward.edge.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Requests the edge lets through without a check (they are still marked and logged): paths under one of
 * {@code pathPrefixes}, or whose last segment ends in one of {@code extensions} (lowercase, without the dot).
 * Both default to empty: asset requests are a strong signal, and a visitor with a fresh cookie costs no call anyway.
 */
public record Exclusions(List<String> pathPrefixes, List<String> extensions) {

    static final Set<String> KEYS = Set.of("pathPrefixes", "extensions");

    public Exclusions {
        pathPrefixes = List.copyOf(pathPrefixes);
        extensions = List.copyOf(extensions);
        for (String prefix : pathPrefixes) {
            if (!prefix.startsWith("/")) {
                throw new ConfigException("exclude.pathPrefixes entries must start with '/', was " + prefix);
            }
        }
        for (String extension : extensions) {
            if (extension.isEmpty() || extension.indexOf('/') >= 0 || extension.indexOf('.') >= 0) {
                throw new ConfigException("exclude.extensions entries must be like \"css\", was " + extension);
            }
        }
    }

    public static Exclusions none() {
        return new Exclusions(List.of(), List.of());
    }

    static Exclusions read(Object section) {
        ConfigReader reader = ConfigReader.section("exclude", section, KEYS);
        List<String> extensions = new ArrayList<>();
        for (String extension : reader.strings("extensions")) {
            String plain = extension.startsWith(".") ? extension.substring(1) : extension;
            extensions.add(lower(plain));
        }
        return new Exclusions(reader.strings("pathPrefixes"), extensions);
    }

    static String lower(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }
}
