package io.edgeward.console.figures.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Detections and published decisions per rule in one window. Rule names come from the policy, so there are few;
 * the cap only guards against a hostile or broken producer on the detections topic.
 */
public final class RuleCounts {

    public static final int MAX_RULES = 500;
    public static final String OTHER = "(other)";
    public static final WireSerde<RuleCounts> SERDE = new WireSerde<>(RuleCounts::write, RuleCounts::read);

    private final Map<String, long[]> counts = new HashMap<>();

    public void add(String rule, boolean decided) {
        add(rule, 1, decided ? 1 : 0);
    }

    public void add(String rule, long detections, long decisions) {
        String key = rule == null || rule.isEmpty() ? OTHER : Wire.clip(rule, 200);
        if (!counts.containsKey(key) && counts.size() >= MAX_RULES) {
            key = OTHER;
        }
        long[] c = counts.computeIfAbsent(key, k -> new long[2]);
        c[0] += detections;
        c[1] += decisions;
    }

    public void addAll(RuleCounts other) {
        other.counts.forEach((rule, c) -> add(rule, c[0], c[1]));
    }

    /** Rule to {detections, decisions}. */
    public Map<String, long[]> counts() {
        return counts;
    }

    private static void write(RuleCounts r, DataOutputStream out) throws IOException {
        out.writeInt(r.counts.size());
        for (Map.Entry<String, long[]> e : r.counts.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue()[0]);
            out.writeLong(e.getValue()[1]);
        }
    }

    private static RuleCounts read(DataInputStream in) throws IOException {
        RuleCounts r = new RuleCounts();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            r.counts.put(in.readUTF(), new long[] {in.readLong(), in.readLong()});
        }
        return r;
    }
}
