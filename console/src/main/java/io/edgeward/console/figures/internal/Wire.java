package io.edgeward.console.figures.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The compact binary form of the aggregates and seen requests in the stores: written once a second (aggregates) or
 * once a record (requests), so it must cost far less than JSON. Strings are clipped so that a hostile value never
 * breaks {@link DataOutputStream#writeUTF} and never grows an entry past a few kilobytes.
 */
public final class Wire {

    /** Longest string kept in a store value. */
    public static final int MAX_STRING = 2048;

    private Wire() {
    }

    public interface Writing {
        void write(DataOutputStream out) throws IOException;
    }

    public interface Reading<T> {
        T read(DataInputStream in) throws IOException;
    }

    public static byte[] bytes(Writing writing) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            writing.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    public static <T> T read(byte[] bytes, Reading<T> reading) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return reading.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(clip(value, MAX_STRING));
        }
    }

    public static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** At most {@code max} characters, never splitting a surrogate pair. */
    public static String clip(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}
