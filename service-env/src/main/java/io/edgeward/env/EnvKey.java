package io.edgeward.env;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One environment variable a service reads: its name, its type with its range, its default, and whether it is a
 * secret. Declared once per service in an {@link EnvSpec}, read through {@link EnvValues#get}. A bad value fails with
 * an {@link IllegalArgumentException} naming the variable ({@code EDGEWARD_X must be between 1 and 32767, was
 * 65537}); a secret's value never appears in a message or in the effective configuration.
 *
 * <p>An unset or blank variable means the default (null when the key has none, or a failure when it is
 * {@link #required()}); a list set to blank is an empty list (how a default list is switched off).
 *
 * @param <T> the parsed type
 */
public final class EnvKey<T> {

    /** How a value is parsed: the service's reader (its message style), the name, the default. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(EnvReader env, String name, T fallback);
    }

    private final String name;
    private final T fallback;
    private final boolean secret;
    private final boolean required;
    private final Parser<T> parser;
    private final Function<T, String> display;

    private EnvKey(String name, T fallback, boolean secret, boolean required, Parser<T> parser,
                   Function<T, String> display) {
        this.name = Objects.requireNonNull(name, "name");
        this.fallback = fallback;
        this.secret = secret;
        this.required = required;
        this.parser = parser;
        this.display = display;
    }

    private static <T> EnvKey<T> of(String name, T fallback, Parser<T> parser) {
        return new EnvKey<>(name, fallback, false, false, parser, String::valueOf);
    }

    /** Text, stripped; {@code fallback} may be null. */
    public static EnvKey<String> string(String name, String fallback) {
        return of(name, fallback, (env, n, f) -> env.optional(n).map(String::strip).orElse(f));
    }

    /** A secret, as given (used byte for byte); never shown. */
    public static EnvKey<String> secret(String name) {
        return new EnvKey<>(name, null, true, false, (env, n, f) -> env.optional(n).orElse(f), v -> "***");
    }

    /** A comma-separated list, items stripped, empty ones dropped. */
    public static EnvKey<List<String>> list(String name, List<String> fallback) {
        return of(name, fallback, EnvReader::list);
    }

    /** A comma-separated list of secrets (keys for rotation); shown as their count. */
    public static EnvKey<List<String>> secretList(String name) {
        return new EnvKey<>(name, List.of(), true, false, EnvReader::list, v -> v.size() + " x ***");
    }

    /** An int within {@code min..max}, parsed without narrowing: an out-of-range value is refused, never wrapped. */
    public static EnvKey<Integer> integer(String name, int fallback, int min, int max) {
        return of(name, fallback, (env, n, f) -> (int) ranged(env.longInteger(n, f), n, min, max));
    }

    /** A short within {@code min..max} (Kafka's replication factor): 65537 is an error, not 1. */
    public static EnvKey<Short> shortInteger(String name, short fallback, short min, short max) {
        return of(name, fallback, (env, n, f) -> (short) ranged(env.longInteger(n, f), n, min, max));
    }

    /** A long within {@code min..max}. */
    public static EnvKey<Long> longInteger(String name, long fallback, long min, long max) {
        return of(name, fallback, (env, n, f) -> ranged(env.longInteger(n, f), n, min, max));
    }

    /** A size in bytes, read as a long (sizes past 2 GiB are fine). */
    public static EnvKey<Long> bytes(String name, long fallback, long min) {
        return longInteger(name, fallback, min, Long.MAX_VALUE);
    }

    /** A TCP port, 0 (pick a free one) to 65535. */
    public static EnvKey<Integer> port(String name, int fallback) {
        return integer(name, fallback, 0, 65535);
    }

    public static EnvKey<Boolean> bool(String name, boolean fallback) {
        return of(name, fallback, EnvReader::bool);
    }

    /** An ISO-8601 duration of at least {@code min} ({@link Duration#ZERO}: not negative). */
    public static EnvKey<Duration> duration(String name, Duration fallback, Duration min) {
        return of(name, fallback, (env, n, f) -> {
            Duration value = env.duration(n, f);
            if (value != null && value.compareTo(min) < 0) {
                throw new IllegalArgumentException(n + " must be >= " + min + ", was " + value);
            }
            return value;
        });
    }

    /** An ISO-8601 duration greater than zero. */
    public static EnvKey<Duration> positiveDuration(String name, Duration fallback) {
        return of(name, fallback, (env, n, f) -> {
            Duration value = env.duration(n, f);
            if (value != null && (value.isZero() || value.isNegative())) {
                throw new IllegalArgumentException(n + " must be > 0, was " + value);
            }
            return value;
        });
    }

    /** One of an enum's constants, case-insensitive. */
    public static <E extends Enum<E>> EnvKey<E> oneOf(String name, Class<E> type, E fallback) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return of(name, fallback, (env, n, f) -> env.optional(n).map(v -> {
            String wanted = v.strip().toUpperCase(Locale.ROOT);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(wanted)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException(n + " must be one of " + names + ", was '" + v + "'");
        }).orElse(f));
    }

    /** One of a set of lower-case words, case-insensitive. */
    public static EnvKey<String> oneOf(String name, Set<String> words, String fallback) {
        return of(name, fallback, (env, n, f) -> env.optional(n).map(v -> {
            String word = v.strip().toLowerCase(Locale.ROOT);
            if (!words.contains(word)) {
                throw new IllegalArgumentException(n + " must be one of " + new TreeSet<>(words) + ", was " + word);
            }
            return word;
        }).orElse(f));
    }

    /** An absolute http(s) URL with a host. */
    public static EnvKey<URI> url(String name, URI fallback) {
        return of(name, fallback, (env, n, f) -> env.optional(n).map(v -> {
            URI uri;
            try {
                uri = URI.create(v.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(n + " must be an http(s) URL, was " + v.strip());
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException(n + " must be an http(s) URL, was " + uri);
            }
            return uri;
        }).orElse(f));
    }

    /** A file system path (existence is the service's check). */
    public static EnvKey<Path> path(String name, Path fallback) {
        return of(name, fallback, (env, n, f) -> env.optional(n).map(v -> Path.of(v.strip())).orElse(f));
    }

    /** The same key, failing with {@code NAME is required} when unset or blank. */
    public EnvKey<T> required() {
        return new EnvKey<>(name, null, secret, true, parser, display);
    }

    public String name() {
        return name;
    }

    public boolean secret() {
        return secret;
    }

    T read(EnvReader env) {
        if (required && env.optional(name).isEmpty()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return parser.parse(env, name, fallback);
    }

    /** The value as the effective configuration shows it: a secret as {@code ***}, never its text. */
    String display(T value) {
        return value == null ? "unset" : display.apply(value);
    }

    private static long ranged(long value, String name, long min, long max) {
        if (value >= min && value <= max) {
            return value;
        }
        // an open upper bound (the type's own) is not worth naming unless it is the one crossed
        boolean openMax = max == Long.MAX_VALUE || max == Integer.MAX_VALUE;
        String rule = !openMax ? "between " + min + " and " + max : value > max ? "<= " + max : ">= " + min;
        throw new IllegalArgumentException(name + " must be " + rule + ", was " + value);
    }

    @Override
    public String toString() {
        return name;
    }
}
