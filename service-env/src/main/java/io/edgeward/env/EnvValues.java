package io.edgeward.env;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of one {@link EnvSpec}, read: {@link #get} parses a key (once) and fails naming the variable;
 * {@link #effectiveConfiguration()} is the one place a service's configuration is printed, secrets masked.
 */
public final class EnvValues {

    private final EnvSpec spec;
    private final EnvReader reader;
    private final Map<String, Object> parsed = new LinkedHashMap<>();

    EnvValues(EnvSpec spec, EnvReader reader) {
        this.spec = spec;
        this.reader = reader;
    }

    /** The key's value, its default when unset; fails naming the variable when the value is bad. */
    @SuppressWarnings("unchecked")
    public <T> T get(EnvKey<T> key) {
        if (!spec.declares(key)) {
            throw new IllegalStateException(key.name() + " is not declared by " + spec.service());
        }
        if (parsed.containsKey(key.name())) {
            return (T) parsed.get(key.name());
        }
        T value = key.read(reader);
        parsed.put(key.name(), value);
        return value;
    }

    /** Whether the variable is set (not blank). */
    public boolean isSet(EnvKey<?> key) {
        return reader.optional(key.name()).isPresent();
    }

    /** The variables as given, for a part of the configuration with rules of its own (the Kafka settings). */
    public Map<String, String> variables() {
        return reader.variables();
    }

    /**
     * Every declared variable with the value in effect, one a line: {@code EDGEWARD_INGEST_PORT=8082 (default)},
     * {@code EDGEWARD_INGEST_KEY=*** (set)}. A secret shows only whether it is set.
     */
    public String effectiveConfiguration() {
        List<String> lines = new ArrayList<>();
        for (EnvKey<?> key : spec.keys()) {
            lines.add("  " + line(key));
        }
        return "effective configuration of " + spec.service() + ":\n" + String.join("\n", lines);
    }

    private <T> String line(EnvKey<T> key) {
        boolean set = isSet(key);
        T value;
        try {
            value = get(key);
        } catch (IllegalArgumentException invalid) {
            // a service reads what it uses first; a key it does not need here is shown as given, never parsed again
            return key.name() + (key.secret() ? "=*** (invalid)" : " invalid");
        }
        if (key.secret()) {
            return key.name() + (set ? "=" + key.display(value) + " (set)" : " unset");
        }
        return key.name() + "=" + key.display(value) + (set ? "" : " (default)");
    }
}
