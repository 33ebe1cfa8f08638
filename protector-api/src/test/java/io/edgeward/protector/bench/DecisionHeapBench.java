package io.edgeward.protector.bench;

import io.edgeward.protector.decision.DecisionStore;
import io.edgeward.protector.http.Json;
import io.edgeward.protector.kafka.DecisionCodec;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Heap per million stored decisions, not a test (docs/benchmarks.md "decision memory"). Loads N decisions the way
 * the materializer does (topic key and JSON value through {@link DecisionCodec} into a {@link DecisionStore}),
 * forces GC, and reports used heap above the empty baseline through {@link MemoryMXBean}.
 *
 * <p>Args: {@code N [mix]}, mix as {@code scope=weight,...} (default
 * {@code ip=3,session=3,cidr=1,user_agent=1,ja4=1,campaign=1}). Values look like production ones: random 22-character
 * session ids, detection's UUID ids, ISO times with milliseconds, a handful of rule reasons.
 */
public final class DecisionHeapBench {

    static final String DEFAULT_MIX = "ip=3,session=3,cidr=1,user_agent=1,ja4=1,campaign=1";
    private static final String[] REASONS = {"scraping without assets", "credential stuffing",
            "vulnerability scanning", "automation signature", "scraping breadth (offence 2)", "carding (offence 3)"};

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args.length > 0 ? args[0] : "1000000");
        Map<String, Integer> mix = parseMix(args.length > 1 ? args[1] : DEFAULT_MIX);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        DecisionCodec codec = new DecisionCodec(Json.mapper());
        Instant now = Instant.now();
        DecisionStore store = new DecisionStore(Clock.systemUTC());
        long before = usedAfterGc(memory);

        List<String> scopes = new ArrayList<>();
        mix.forEach((scope, weight) -> {
            for (int i = 0; i < weight; i++) {
                scopes.add(scope);
            }
        });
        Random random = new Random(42);
        String created = now.minusMillis(1234).toString();
        for (int i = 0; i < n; i++) {
            String scope = scopes.get(i % scopes.size());
            String value = value(scope, i, random);
            String expires = now.plusSeconds(600 + random.nextInt(86_400)).plusMillis(random.nextInt(1000)).toString();
            String json = "{\"id\":\"" + new UUID(random.nextLong(), random.nextLong()) + "\",\"list\":\"decision\",\"scope\":\""
                    + scope + "\",\"value\":\"" + value + "\",\"action\":\"" + (i % 3 == 0 ? "block" : "challenge")
                    + "\",\"reason\":\"" + REASONS[i % REASONS.length] + "\",\"source\":\"detection:rule-" + (i % 7)
                    + "\",\"createdAt\":\"" + created + "\",\"expiresAt\":\"" + expires + "\"}";
            DecisionCodec.Change change = codec.decode("decision|" + scope + "|" + value, json.getBytes(StandardCharsets.UTF_8));
            store.put(change.decision().orElseThrow());
        }
        long after = usedAfterGc(memory);
        double mbPerMillion = (after - before) / 1e6 * (1_000_000.0 / Math.max(1, store.size()));
        System.out.printf("decisions=%d stored=%d mix=%s heap_used_delta=%.1f MB  => %.1f MB per million stored decisions (%d bytes each)%n",
                n, store.size(), mix, (after - before) / 1e6, mbPerMillion, (after - before) / Math.max(1, store.size()));
        // also keeps the store reachable until measured
        System.out.printf("store estimate (the bound's measure) %.1f MB; shed %d%n", store.estimatedBytes() / 1e6, store.shedDecisions());
    }

    private static String value(String scope, int i, Random random) {
        return switch (scope) {
            case "ip" -> i % 10 == 0
                    ? "2001:db8:" + Integer.toHexString(i >>> 16) + ":" + Integer.toHexString(i & 0xffff) + "::" + Integer.toHexString(1 + random.nextInt(0xfff))
                    : "10." + (i >>> 16 & 0xff) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff);
            case "cidr" -> i % 10 == 0
                    ? "2001:db8:" + Integer.toHexString(i >>> 16) + ":" + Integer.toHexString(i & 0xffff) + "::/64"
                    : (100 + (i >>> 16 & 0x3f)) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff) + ".0/24";
            case "session" -> {
                byte[] id = new byte[16];
                random.nextBytes(id);
                yield Base64.getUrlEncoder().withoutPadding().encodeToString(id);
            }
            case "user_agent" -> "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"
                    + (100 + i % 40) + ".0." + i + ".0 Safari/537.36";
            case "ja4" -> "t13d1516h2_" + hex(random.nextLong(), 12) + "_" + hex(random.nextLong(), 12);
            case "campaign" -> hex(random.nextLong(), 16);
            default -> throw new IllegalArgumentException("no generator for scope " + scope);
        };
    }

    private static String hex(long bits, int digits) {
        StringBuilder sb = new StringBuilder(Long.toHexString(bits));
        while (sb.length() < 16) {
            sb.insert(0, '0');
        }
        return sb.substring(16 - digits);
    }

    private static Map<String, Integer> parseMix(String text) {
        Map<String, Integer> mix = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.split("=");
            if (Integer.parseInt(kv[1]) > 0) {
                mix.put(kv[0].strip(), Integer.parseInt(kv[1]));
            }
        }
        return mix;
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            memory.gc();
            Thread.sleep(200); // measurement only: let the collector settle
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
