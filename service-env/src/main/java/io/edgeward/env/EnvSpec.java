package io.edgeward.env;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The environment variables one service reads, each declared once as an {@link EnvKey}. {@link #read} refuses any
 * {@code EDGEWARD_*} variable no key declares, naming the nearest known one, so a typo fails start-up instead of
 * being ignored. A process that runs several services from one environment (the local stack, a test) reads each
 * service's spec with the others {@linkplain #read(Map, EnvSpec...) alongside}: a variable is unknown only when no
 * spec there declares it.
 *
 * <pre>{@code
 * static final EnvKey<Integer> PORT = EnvKey.port("EDGEWARD_INGEST_PORT", 8082);
 * static final EnvSpec ENV = EnvSpec.of("ingest", PORT, ...).including(KafkaEnvironment.ENV);
 * IngestConfig.from(ENV.read(System.getenv()));
 * }</pre>
 */
public final class EnvSpec {

    /** Every variable Edgeward reads starts with it; others (PATH, JAVA_HOME...) are not ours to judge. */
    public static final String PREFIX = "EDGEWARD_";

    private final String service;
    private final Map<String, EnvKey<?>> keys;
    private final UnaryOperator<EnvReader> style;
    private final List<String> families;

    private EnvSpec(String service, Map<String, EnvKey<?>> keys, UnaryOperator<EnvReader> style,
                    List<String> families) {
        this.service = service;
        this.keys = keys;
        this.style = style;
        this.families = families;
    }

    /** The keys of {@code service} (its name in messages), in the order the effective configuration lists them. */
    public static EnvSpec of(String service, EnvKey<?>... keys) {
        return new EnvSpec(service, index(new LinkedHashMap<>(), Arrays.asList(keys)), UnaryOperator.identity(),
                List.of());
    }

    /** These keys and those of {@code shared} (the {@code EDGEWARD_KAFKA_*} every Kafka client reads). */
    public EnvSpec including(EnvSpec shared) {
        List<String> all = new ArrayList<>(families);
        all.addAll(shared.families);
        return new EnvSpec(service, index(new LinkedHashMap<>(keys), shared.keys.values()), style, List.copyOf(all));
    }

    /**
     * The same keys, with bad values shown the way this service's operators already see them
     * ({@link EnvReader#withBareValues()}, {@link EnvReader#withDurationExample}).
     */
    public EnvSpec styled(UnaryOperator<EnvReader> readerStyle) {
        return new EnvSpec(service, keys, readerStyle, families);
    }

    /**
     * The same keys, and every variable whose name starts with {@code prefix}: a family whose names carry a value
     * of their own ({@code EDGEWARD_FRONT_<NAME>_HEADER}), checked by the part of the service that reads it.
     */
    public EnvSpec withFamily(String prefix) {
        List<String> all = new ArrayList<>(families);
        all.add(prefix);
        return new EnvSpec(service, keys, style, List.copyOf(all));
    }

    public String service() {
        return service;
    }

    /** The declared names, in order. */
    public Set<String> names() {
        return keys.keySet();
    }

    boolean declares(EnvKey<?> key) {
        return keys.get(key.name()) == key;
    }

    List<EnvKey<?>> keys() {
        return List.copyOf(keys.values());
    }

    /** Reads {@code variables} (the process environment, or a map) after refusing unknown {@code EDGEWARD_*} ones. */
    public EnvValues read(Map<String, String> variables) {
        return read(variables, new EnvSpec[0]);
    }

    /**
     * As {@link #read(Map)}, for a process that also runs the services of {@code alongside} from the same
     * variables: what they declare is known too.
     */
    public EnvValues read(Map<String, String> variables, EnvSpec... alongside) {
        Set<String> known = new LinkedHashSet<>(keys.keySet());
        List<String> services = new ArrayList<>(List.of(service));
        List<String> prefixes = new ArrayList<>(families);
        for (EnvSpec other : alongside) {
            known.addAll(other.keys.keySet());
            services.add(other.service);
            prefixes.addAll(other.families);
        }
        EnvReader reader = style.apply(EnvReader.of(variables));
        Set<String> unknown = new LinkedHashSet<>(reader.unknownNames(PREFIX, known));
        unknown.removeIf(name -> prefixes.stream().anyMatch(name::startsWith));
        if (!unknown.isEmpty()) {
            List<String> each = new ArrayList<>();
            for (String name : unknown) {
                each.add(name + " (did you mean " + NearestName.among(name, known) + "?)");
            }
            throw new IllegalArgumentException("unknown variable" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", each) + " for " + inWords(services));
        }
        return new EnvValues(this, reader);
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    private static String inWords(List<String> names) {
        int last = names.size() - 1;
        return last == 0 ? names.get(0) : String.join(", ", names.subList(0, last)) + " and " + names.get(last);
    }

    private static Map<String, EnvKey<?>> index(Map<String, EnvKey<?>> into, Iterable<EnvKey<?>> keys) {
        for (EnvKey<?> key : keys) {
            EnvKey<?> before = into.putIfAbsent(key.name(), key);
            if (before != null && before != key) {
                throw new IllegalStateException(key.name() + " is declared twice");
            }
        }
        return into;
    }
}
