package io.edgeward.console.figures.internal;

import io.edgeward.console.figures.Dimension;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/** One window's heavy-hitter summaries of the dimensions log records carry (all but {@link Dimension#RULE}). */
public final class TopValues {

    public static final Dimension[] LOG_DIMENSIONS = {Dimension.ADDRESS, Dimension.NETWORK, Dimension.USER_AGENT,
            Dimension.PATH, Dimension.COUNTRY, Dimension.REASON};


    public static final WireSerde<TopValues> SERDE = new WireSerde<>(TopValues::write, TopValues::read);

    private final Map<Dimension, SpaceSaving> summaries = new EnumMap<>(Dimension.class);

    public TopValues(int capacity) {
        for (Dimension d : LOG_DIMENSIONS) {
            summaries.put(d, new SpaceSaving(capacity));
        }
    }

    private TopValues() {
    }

    public void offer(Dimension dimension, String value) {
        SpaceSaving summary = summaries.get(dimension);
        if (summary != null) { // a window read back from before the dimension existed has none
            summary.offer(value);
        }
    }

    public SpaceSaving summary(Dimension dimension) {
        return summaries.get(dimension); // null in a window written before the dimension existed
    }

    private static void write(TopValues t, DataOutputStream out) throws IOException {
        out.writeInt(t.summaries.size());
        for (Map.Entry<Dimension, SpaceSaving> e : t.summaries.entrySet()) {
            out.writeUTF(e.getKey().name());
            e.getValue().write(out);
        }
    }

    private static TopValues read(DataInputStream in) throws IOException {
        TopValues t = new TopValues();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            Dimension d = Dimension.valueOf(in.readUTF());
            t.summaries.put(d, SpaceSaving.read(in));
        }
        return t;
    }
}
