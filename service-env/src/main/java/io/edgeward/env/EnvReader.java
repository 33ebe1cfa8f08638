package io.edgeward.env;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads typed values from environment variables (a map, so tests pass their own). An unset or blank variable means
 * the fallback; a value is stripped before it is parsed. A bad value fails with an {@link IllegalArgumentException}
 * naming the variable and the value, {@code EDGEWARD_X must be an integer, was 'ten'}: never read a secret with a
 * typed method.
 *
 * <p>Each service keeps the wording its operators already see: {@link #withBareValues()} prints the bad value
 * without quotes, {@link #withDurationExample} changes the duration example (default {@code like PT60S}).
 */
public final class EnvReader {

    private final Map<String, String> env;
    private final boolean quoteValues;
    private final String durationExample;

    private EnvReader(Map<String, String> env, boolean quoteValues, String durationExample) {
        this.env = env;
        this.quoteValues = quoteValues;
        this.durationExample = durationExample;
    }

    /** Quotes bad values ({@code was 'ten'}) and explains durations {@code like PT60S}. */
    public static EnvReader of(Map<String, String> env) {
        return new EnvReader(env, true, "like PT60S");
    }

    /** The same reader printing a bad value stripped and without quotes ({@code was ten}). */
    public EnvReader withBareValues() {
        return new EnvReader(env, false, durationExample);
    }

    /** The same reader explaining durations with {@code example}, such as {@code "such as PT30S"}. */
    public EnvReader withDurationExample(String example) {
        return new EnvReader(env, quoteValues, example);
    }

    Map<String, String> variables() {
        return env;
    }

    /** The value as given (not stripped: secrets are used byte for byte), or empty when unset or blank. */
    public Optional<String> optional(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public int integer(String name, int fallback) {
        return parse(name, fallback, "an integer", Integer::valueOf);
    }

    public long longInteger(String name, long fallback) {
        return parse(name, fallback, "an integer", Long::valueOf);
    }

    public boolean bool(String name, boolean fallback) {
        return parse(name, fallback, "true or false", v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException();
        });
    }

    public Duration duration(String name, Duration fallback) {
        return parse(name, fallback, "an ISO-8601 duration " + durationExample, Duration::parse);
    }

    /**
     * A comma-separated list, items stripped and empty ones dropped. Unlike the other values, a variable set to
     * blank is an empty list, not the fallback: it is how a default list is switched off.
     */
    public List<String> list(String name, List<String> fallback) {
        String value = env.get(name);
        if (value == null) {
            return fallback;
        }
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    /** Variables starting with {@code prefix} that are not {@code known}, in the environment's order: likely typos. */
    public Set<String> unknownNames(String prefix, Set<String> known) {
        Set<String> unknown = new LinkedHashSet<>();
        for (String name : env.keySet()) {
            if (name.startsWith(prefix) && !known.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    private <T> T parse(String name, T fallback, String expected, Function<String, T> parser) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return parser.apply(value.get().strip());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            String shown = quoteValues ? "'" + value.get() + "'" : value.get().strip();
            throw new IllegalArgumentException(name + " must be " + expected + ", was " + shown);
        }
    }
}
