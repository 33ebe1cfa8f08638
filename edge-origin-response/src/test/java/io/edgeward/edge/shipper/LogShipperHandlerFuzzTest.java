package io.edgeward.edge.shipper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.edge.core.config.ShipperConfig;
import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.jvm.JavaNetEdgeHttp;
import io.edgeward.edge.jvm.JvmPorts;
import io.edgeward.testing.CloudFrontEvents;
import io.edgeward.testing.IngestStandIn;
import io.edgeward.testing.TestClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Whatever CloudFront (or anything else) sends, the handler answers JSON and never throws. Seeded, reproducible. */
class LogShipperHandlerFuzzTest {

    private static final long SEED = 20261123L;
    private static final int ROUNDS = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SOURCES = {CloudFrontEvents.VIEWER_RESPONSE, CloudFrontEvents.ORIGIN_RESPONSE,
        "awsdocs_viewer-request.json", "awsdocs-2020_request-event-format_with-body.json"};
    private static final String[] NASTY = {"", " ", "-", "|", "%", "%zz", "1|allow|valid|mitigate|-|-|-",
        "1|||||||", "\r\nX: y", "\u0000", "☃", "\uD800", "9999999999999999999999", "-1", "200 ", "abc",
        "viewer-response", "origin-response", "a=b&password=c", "/x.css", "{", "[]", "null"};

    @Test
    void never_throws_and_always_answers_json_whatever_the_event() throws Exception {
        try (IngestStandIn ingest = IngestStandIn.start("k")) {
            ShipperConfig config = new ShipperConfig(
                    new ShipperConfig.Ingest(ingest.url(), "k", 50, 2000, 500, 5000, 4),
                    new ShipperConfig.Logging(List.of("css"), List.of("password"), List.of("password")));
            LogShipperHandler handler = new LogShipperHandler(LogShipperHandler.Dependencies.of(config,
                    JvmPorts.create(new TestClock(Instant.parse("2026-11-23T13:40:43Z")),
                            new JavaNetEdgeHttp(Duration.ofSeconds(1)), "fuzz")));
            SplittableRandom random = new SplittableRandom(SEED);

            for (int round = 0; round < ROUNDS; round++) {
                byte[] input = mutatedInput(random);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    handler.handleRequest(new ByteArrayInputStream(input), out, null);
                    JSON.readTree(out.toByteArray());
                } catch (Exception | Error e) {
                    fail("round " + round + " (seed " + SEED + ") failed on input " + new String(input,
                            java.nio.charset.StandardCharsets.UTF_8), e);
                }
            }

            handler.flushAll();
            await().until(() -> handler.stats().inFlight() == 0);
            assertThat(handler.stats().rejected()).isZero();
            assertThat(ingest.records()).isNotEmpty().allSatisfy(record -> assertThat(record)
                    .containsKeys("v", "time", "requestId", "clientIp", "method", "path", "status"));
        }
    }

    private static byte[] mutatedInput(SplittableRandom random) throws Exception {
        Map<String, Object> event = CloudFrontEvents.load(SOURCES[random.nextInt(SOURCES.length)]);
        if (random.nextInt(4) == 0) {
            CloudFrontEvents.withRequestHeader(event, RequestMark.HEADER, nasty(random));
        }
        if (random.nextInt(4) == 0) {
            CloudFrontEvents.withRequestHeader(event, RequestMark.SET_COOKIE_HEADER, nasty(random));
        }
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            mutateTree(event, random);
        }
        byte[] bytes = JSON.writeValueAsBytes(event);
        switch (random.nextInt(8)) {
            case 0:
                return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            case 1:
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                return bytes;
            case 2:
                return JSON.writeValueAsBytes(randomValue(random, 2));
            default:
                return bytes;
        }
    }

    /** Replaces, removes or retypes one node anywhere in the tree. */
    @SuppressWarnings("unchecked")
    private static void mutateTree(Object root, SplittableRandom random) {
        List<Object> containers = new ArrayList<>();
        collect(root, containers);
        Object target = containers.get(random.nextInt(containers.size()));
        if (target instanceof Map) {
            Map<String, Object> map = (Map<String, Object>) target;
            if (map.isEmpty()) {
                map.put(nasty(random), randomValue(random, 2));
                return;
            }
            List<String> keys = new ArrayList<>(map.keySet());
            String key = keys.get(random.nextInt(keys.size()));
            if (random.nextInt(3) == 0) {
                map.remove(key);
            } else {
                map.put(key, randomValue(random, 2));
            }
        } else {
            List<Object> list = (List<Object>) target;
            if (list.isEmpty() || random.nextBoolean()) {
                list.add(randomValue(random, 2));
            } else {
                list.set(random.nextInt(list.size()), randomValue(random, 2));
            }
        }
    }

    private static void collect(Object node, List<Object> out) {
        if (node instanceof Map) {
            out.add(node);
            for (Object child : ((Map<?, ?>) node).values()) {
                collect(child, out);
            }
        } else if (node instanceof List) {
            out.add(node);
            for (Object child : (List<?>) node) {
                collect(child, out);
            }
        }
    }

    private static Object randomValue(SplittableRandom random, int depth) {
        switch (random.nextInt(depth > 0 ? 9 : 6)) {
            case 0:
                return null;
            case 1:
                return random.nextBoolean();
            case 2:
                return random.nextLong();
            case 3:
                return random.nextDouble() * 1e6;
            case 4:
            case 5:
                return nasty(random);
            case 6:
                Map<String, Object> map = new LinkedHashMap<>();
                map.put(random.nextBoolean() ? "value" : nasty(random), randomValue(random, depth - 1));
                map.put("key", randomValue(random, depth - 1));
                return map;
            case 7:
                List<Object> list = new ArrayList<>();
                list.add(randomValue(random, depth - 1));
                return list;
            default:
                return "x".repeat(random.nextInt(20_000));
        }
    }

    private static String nasty(SplittableRandom random) {
        return NASTY[random.nextInt(NASTY.length)];
    }
}
