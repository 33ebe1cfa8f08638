package io.edgeward.detection.topology;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeward.detection.topics.JsonSerde;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The decisions topic as every engine instance sees it, so a detection never replaces a decision an administrator
 * made: both share the compacted key {@code decision|scope|value}, and the newer record would win. The store holds
 * the topic's values as they are (Kafka Streams restores a global store straight from the topic).
 */
final class AdminDecisions {

    static final String STORE = "decisions-seen";

    private AdminDecisions() {
    }

    static StoreBuilder<KeyValueStore<String, String>> store() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.String())
                .withLoggingDisabled();
    }

    /**
     * Whether {@code key} holds a decision whose source is not a detection and which has not expired at
     * {@code nowMillis} (no {@code expiresAt} means until removed). An unreadable value counts as none.
     */
    static boolean standing(ReadOnlyKeyValueStore<String, String> decisions, String key, long nowMillis) {
        String json = decisions.get(key);
        if (json == null) {
            return false;
        }
        try {
            JsonNode decision = JsonSerde.MAPPER.readTree(json);
            String source = decision.path("source").asText("");
            if (source.isEmpty() || source.startsWith("detection:")) {
                return false;
            }
            JsonNode expiresAt = decision.get("expiresAt");
            return expiresAt == null || expiresAt.isNull()
                    || Instant.parse(expiresAt.asText()).toEpochMilli() > nowMillis;
        } catch (java.io.IOException | DateTimeParseException unreadable) {
            return false;
        }
    }

    /** Keeps the store in step with the topic: a value replaces, a tombstone removes. */
    static final class Updater implements Processor<String, String, Void, Void> {
        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }
}
