package io.edgeward.console.figures.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Requests of one bucket by edge action, and the earliest request time seen in it (for the request rate). */
public final class TrafficCounts {

    public static final WireSerde<TrafficCounts> SERDE = new WireSerde<>(TrafficCounts::write, TrafficCounts::read);

    public long total;
    public long allow;
    public long challenge;
    public long block;
    public long monitor;
    public long firstMillis = Long.MAX_VALUE;

    public void add(String action, long timestamp) {
        total++;
        if (action != null) {
            switch (action) {
                case "allow" -> allow++;
                case "challenge" -> challenge++;
                case "block" -> block++;
                case "monitor" -> monitor++;
                default -> { }
            }
        }
        firstMillis = Math.min(firstMillis, timestamp);
    }

    public void add(TrafficCounts other) {
        total += other.total;
        allow += other.allow;
        challenge += other.challenge;
        block += other.block;
        monitor += other.monitor;
        firstMillis = Math.min(firstMillis, other.firstMillis);
    }

    /** Requests with no action or one the console does not know. */
    public long other() {
        return total - allow - challenge - block - monitor;
    }

    private static void write(TrafficCounts c, DataOutputStream out) throws IOException {
        out.writeLong(c.total);
        out.writeLong(c.allow);
        out.writeLong(c.challenge);
        out.writeLong(c.block);
        out.writeLong(c.monitor);
        out.writeLong(c.firstMillis);
    }

    private static TrafficCounts read(DataInputStream in) throws IOException {
        TrafficCounts c = new TrafficCounts();
        c.total = in.readLong();
        c.allow = in.readLong();
        c.challenge = in.readLong();
        c.block = in.readLong();
        c.monitor = in.readLong();
        c.firstMillis = in.readLong();
        return c;
    }
}
