package io.edgeward.console.figures.internal;

import io.edgeward.console.figures.ProviderStats;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Challenge outcomes per provider in one window. Providers and failure reasons are few by contract; the caps
 * only keep a hostile producer from growing a window without bound.
 */
public final class ChallengeCounts {

    static final int MAX_PROVIDERS = 16;
    static final int MAX_REASONS = 32;
    static final String OTHER = "(other)";
    public static final WireSerde<ChallengeCounts> SERDE = new WireSerde<>(ChallengeCounts::write,
            ChallengeCounts::read);

    private final Map<String, Provider> providers = new HashMap<>();

    /** One provider's figures. */
    public static final class Provider {
        long issued;
        long passed;
        long failed;
        long blocked;
        long limited;
        final Map<String, Long> reasons = new HashMap<>();
        final SolveHistogram solve = new SolveHistogram();

        void addAll(Provider o) {
            issued += o.issued;
            passed += o.passed;
            failed += o.failed;
            blocked += o.blocked;
            limited += o.limited;
            o.reasons.forEach(this::addReason);
            solve.addAll(o.solve);
        }

        void addReason(String reason, long n) {
            String key = reason == null || reason.isEmpty() ? "unknown" : Wire.clip(reason, 100);
            if (!reasons.containsKey(key) && reasons.size() >= MAX_REASONS) {
                key = OTHER;
            }
            reasons.merge(key, n, Long::sum);
        }

        ProviderStats stats(String name) {
            return new ProviderStats(name, issued, passed, failed, blocked, limited, solve.percentile(0.5),
                    solve.percentile(0.9), Map.copyOf(reasons));
        }
    }

    /** Counts one event; unknown event kinds are ignored (a newer Protector may add some). */
    public void add(String provider, String event, String reason, Long solveMillis) {
        if (event == null) {
            return;
        }
        Provider p = provider(provider);
        switch (event) {
            case "issued" -> p.issued++;
            case "passed" -> p.passed++;
            case "failed" -> {
                p.failed++;
                p.addReason(reason, 1);
            }
            case "blocked" -> p.blocked++;
            case "limited" -> p.limited++;
            default -> {
                return;
            }
        }
        // solve time only of passes: the contract's p50/p90 is "from issue to a passing verification"
        if (solveMillis != null && "passed".equals(event)) {
            p.solve.add(solveMillis);
        }
    }

    public void addAll(ChallengeCounts other) {
        other.providers.forEach((name, p) -> provider(name).addAll(p));
    }

    public Map<String, ProviderStats> stats() {
        Map<String, ProviderStats> stats = new LinkedHashMap<>();
        providers.forEach((name, p) -> stats.put(name, p.stats(name)));
        return stats;
    }

    private Provider provider(String name) {
        String key = name == null || name.isEmpty() ? "unknown" : Wire.clip(name, 50);
        if (!providers.containsKey(key) && providers.size() >= MAX_PROVIDERS) {
            key = OTHER;
        }
        return providers.computeIfAbsent(key, k -> new Provider());
    }

    private static void write(ChallengeCounts c, DataOutputStream out) throws IOException {
        out.writeInt(c.providers.size());
        for (Map.Entry<String, Provider> e : c.providers.entrySet()) {
            Provider p = e.getValue();
            out.writeUTF(e.getKey());
            out.writeLong(p.issued);
            out.writeLong(p.passed);
            out.writeLong(p.failed);
            out.writeLong(p.blocked);
            out.writeLong(p.limited);
            out.writeInt(p.reasons.size());
            for (Map.Entry<String, Long> r : p.reasons.entrySet()) {
                out.writeUTF(r.getKey());
                out.writeLong(r.getValue());
            }
            p.solve.write(out);
        }
    }

    private static ChallengeCounts read(DataInputStream in) throws IOException {
        ChallengeCounts c = new ChallengeCounts();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            Provider p = new Provider();
            String name = in.readUTF();
            p.issued = in.readLong();
            p.passed = in.readLong();
            p.failed = in.readLong();
            p.blocked = in.readLong();
            p.limited = in.readLong();
            int reasons = in.readInt();
            for (int r = 0; r < reasons; r++) {
                p.reasons.put(in.readUTF(), in.readLong());
            }
            p.solve.addAll(SolveHistogram.read(in));
            c.providers.put(name, p);
        }
        return c;
    }
}
