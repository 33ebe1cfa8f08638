package io.edgeward.console.figures.internal;

import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Store values in {@link Wire} form; these serdes never see topic data, only what this application wrote. */
public final class WireSerde<T> implements Serde<T> {

    public interface Writer<T> {
        void write(T value, DataOutputStream out) throws IOException;
    }

    private final Writer<T> writer;
    private final Wire.Reading<T> reader;

    public WireSerde(Writer<T> writer, Wire.Reading<T> reader) {
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : Wire.bytes(out -> writer.write(value, out));
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : Wire.read(bytes, reader);
    }
}
