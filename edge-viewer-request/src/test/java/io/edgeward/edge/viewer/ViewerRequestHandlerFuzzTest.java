package io.edgeward.edge.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeward.testing.CloudFrontEvents;
import io.edgeward.testing.ProtectorStandIn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever arrives, the handler answers a JSON object and never throws: mutated real events (missing fields, wrong
 * types, huge and malformed headers and cookies, odd characters) and raw bytes (random, truncated, empty, not UTF-8).
 * Seeded, so a failure reproduces.
 */
class ViewerRequestHandlerFuzzTest {

    private static final long SEED = 20261123L;
    private static final String[] EVENTS = {"awsdocs_viewer-request.json",
        "awsdocs-2020_request-event-format_with-body.json", "awsdocs_origin-request.json",
        "awsdocs_origin-response.json", "awsdocs_viewer-response.json"};
    private static final String[] ACTIONS = {"allow", "challenge", "block", "monitor"};

    private ProtectorStandIn protector;
    private ViewerRequestHandler handler;
    private final Random random = new Random(SEED);
    private String validCookie;

    @BeforeEach
    void start() throws Exception {
        protector = ProtectorStandIn.start();
        handler = new HandlerFixture().handler(HandlerFixture.config(protector.url()));
        validCookie = HandlerFixture.cookiePair(CloudFrontEvents.header(HandlerFixture.run(handler, CloudFrontEvents.viewerRequest()),
                "x-edgeward-set-cookie"));
    }

    @AfterEach
    void stop() {
        protector.close();
    }

    @Test
    void mutated_events_always_get_a_valid_answer() throws Exception {
        for (int i = 0; i < 500; i++) {
            Map<String, Object> event = CloudFrontEvents.load(EVENTS[random.nextInt(EVENTS.length)]);
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                mutate(event);
            }
            vary(protector);
            byte[] input = CloudFrontEvents.JSON.writeValueAsBytes(event);
            String what = "iteration " + i + " (seed " + SEED + "): " + shorten(new String(input, StandardCharsets.UTF_8));

            byte[][] output = new byte[1][];
            assertThatCode(() -> output[0] = HandlerFixture.runBytes(handler, input)).as(what).doesNotThrowAnyException();
            // a mutation can leave text the JSON writer emits but no strict reader takes (a lone surrogate): then
            // the handler has no event at all, and the answer is the empty object
            Map<String, Object> sent = readBack(input);
            assertValidAnswer(output[0], sent == null ? null : requestOf(sent), what);
        }
    }

    @Test
    void raw_bytes_always_get_a_json_object() throws Exception {
        byte[] real = CloudFrontEvents.text("awsdocs_viewer-request.json").getBytes(StandardCharsets.UTF_8);
        List<byte[]> inputs = new ArrayList<>();
        inputs.add(new byte[0]);
        inputs.add("null".getBytes(StandardCharsets.UTF_8));
        inputs.add("[]".getBytes(StandardCharsets.UTF_8));
        inputs.add("\"Records\"".getBytes(StandardCharsets.UTF_8));
        inputs.add("[".repeat(100_000).getBytes(StandardCharsets.UTF_8));
        inputs.add(CloudFrontEvents.text("awsdocs_viewer-request.json").getBytes(StandardCharsets.UTF_16));
        for (int i = 0; i < 200; i++) {
            byte[] bytes = random.nextBoolean() ? real.clone() : new byte[random.nextInt(2048)];
            if (bytes.length == real.length) {
                int flips = 1 + random.nextInt(8);
                for (int f = 0; f < flips; f++) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            } else {
                random.nextBytes(bytes);
            }
            inputs.add(random.nextInt(4) == 0 ? java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1)) : bytes);
        }
        for (int i = 0; i < inputs.size(); i++) {
            byte[] input = inputs.get(i);
            byte[][] output = new byte[1][];
            assertThatCode(() -> output[0] = HandlerFixture.runBytes(handler, input)).as("input " + i)
                    .doesNotThrowAnyException();
            assertThat(CloudFrontEvents.JSON.readTree(output[0]).isObject()).as("input " + i).isTrue();
        }
    }

    /** A JSON object; for an event with a request, a generated mitigation response or a request to forward. */
    private void assertValidAnswer(byte[] output, Map<String, Object> request, String what) throws Exception {
        JsonNode answer = CloudFrontEvents.JSON.readTree(output);
        assertThat(answer.isObject()).as(what).isTrue();
        if (request == null) {
            assertThat(answer.isEmpty()).as(what).isTrue();
            return;
        }
        if (answer.has("status")) {
            assertThat(answer.get("status").asText()).as(what).isEqualTo("403");
            assertThat(answer.at("/headers/cache-control/0/value").asText()).as(what).isEqualTo("no-store");
            assertThat(answer.at("/headers/x-edgeward-action/0/value").asText()).as(what).isIn("block", "challenge");
            assertThat(output.length).as(what).isLessThan(40 * 1024);
        } else {
            assertThat(answer.has("uri") || answer.equals(CloudFrontEvents.JSON.valueToTree(PassthroughRequest.unspoofed(request))))
                    .as(what + " answered " + shorten(answer.toString())).isTrue();
            for (java.util.Iterator<String> names = answer.path("headers").fieldNames(); names.hasNext(); ) {
                String name = names.next();
                assertThat(answer.get("headers").get(name).isArray()).as(what).isTrue();
            }
        }
    }

    private void vary(ProtectorStandIn standIn) {
        if (random.nextInt(5) == 0) {
            standIn.failWith(500);
        } else {
            standIn.answer(ACTIONS[random.nextInt(ACTIONS.length)], random.nextInt(120), "fuzz", null);
        }
    }

    /** One random change somewhere in the event's request (or anywhere in the tree, now and then). */
    @SuppressWarnings("unchecked")
    private void mutate(Map<String, Object> event) {
        Map<String, Object> request = requestOf(event);
        if (request == null) {
            replaceSomewhere(event, 0);
            return;
        }
        switch (random.nextInt(9)) {
            case 0 -> request.remove(pick(new ArrayList<>(request.keySet())));
            case 1 -> request.put(pick(List.of("clientIp", "uri", "method", "querystring", "headers", "body")),
                    oddValue());
            case 2 -> CloudFrontEvents.withRequestHeader(event, "Cookie", oddCookie());
            case 3 -> CloudFrontEvents.withRequestHeader(event, pick(List.of("User-Agent", "Accept", "Host", "X-Edgeward-Mark",
                    "CloudFront-Viewer-Country", "Cookie")), oddString());
            case 4 -> {
                Object headers = request.get("headers");
                if (headers instanceof Map) {
                    // Names stay under Jackson's 50,000-character name limit; CloudFront caps all headers at 20 KB.
                    String name = oddString();
                    ((Map<String, Object>) headers).put(name.substring(0, Math.min(name.length(), 10_000)), oddValue());
                }
            }
            case 5 -> replaceSomewhere(event, 0);
            case 6 -> CloudFrontEvents.withRequestHeader(event, "Cookie", validCookie);
            case 7 -> request.put("uri", pick(List.of("/", "/api/x", "/watch/y", "/a.css", "/.well-known/z", "",
                    "/%00%ff", "/é/ü", "relative", "/" + "a".repeat(10_000))));
            default -> event.put("Records", random.nextBoolean() ? new ArrayList<>() : oddValue());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readBack(byte[] input) {
        try {
            return CloudFrontEvents.JSON.readValue(input, Map.class);
        } catch (java.io.IOException unreadable) {
            return null;
        }
    }

    private static Map<String, Object> requestOf(Map<String, Object> event) {
        try {
            return CloudFrontEvents.request(event);
        } catch (RuntimeException notThere) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private void replaceSomewhere(Object node, int depth) {
        if (node instanceof Map<?, ?> map && !map.isEmpty()) {
            List<Object> keys = new ArrayList<>(map.keySet());
            Object key = keys.get(random.nextInt(keys.size()));
            if (depth > 2 && random.nextInt(3) == 0) {
                ((Map<Object, Object>) map).put(key, oddValue());
            } else {
                replaceSomewhere(map.get(key), depth + 1);
            }
        } else if (node instanceof List<?> list && !list.isEmpty()) {
            int index = random.nextInt(list.size());
            if (random.nextInt(3) == 0) {
                ((List<Object>) list).set(index, oddValue());
            } else {
                replaceSomewhere(list.get(index), depth + 1);
            }
        }
    }

    private Object oddValue() {
        return switch (random.nextInt(9)) {
            case 0 -> null;
            case 1 -> random.nextLong();
            case 2 -> random.nextDouble();
            case 3 -> random.nextBoolean();
            case 4 -> new ArrayList<>(List.of(oddString(), 1));
            case 5 -> new LinkedHashMap<>(Map.of("key", oddString()));
            case 6 -> new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("key", "X", "value", 7))));
            default -> oddString();
        };
    }

    private String oddString() {
        return switch (random.nextInt(7)) {
            case 0 -> "";
            case 1 -> "x".repeat(100_000);
            case 2 -> "\u0000\r\n\t\u00e9\ud83d\ude00\ud800";
            case 3 -> "|||%%%;;==";
            case 4 -> new String(randomBytes(64), StandardCharsets.ISO_8859_1);
            case 5 -> "UPPER-Case";
            default -> Long.toString(random.nextLong(), 36);
        };
    }

    private String oddCookie() {
        return switch (random.nextInt(8)) {
            case 0 -> "__Host-ew=";
            case 1 -> "__Host-ew=a.b.c";
            case 2 -> "__Host-ew=" + "A".repeat(5000);
            case 3 -> "__Host-ew=" + new String(randomBytes(300), StandardCharsets.ISO_8859_1);
            case 4 -> flipped(validCookie);
            case 5 -> "x=1;;; ;__Host-ew = " + validCookie.substring(10) + " ; y";
            case 6 -> "__Host-ew=eyJhbGciOiJub25lIn0.eyJ2IjoxfQ.";
            default -> validCookie + "; " + validCookie.replace("__Host-ew", "__Host-ew2");
        };
    }

    private String flipped(String cookie) {
        char[] chars = cookie.toCharArray();
        int at = 10 + random.nextInt(chars.length - 10);
        chars[at] = chars[at] == 'a' ? 'b' : 'a';
        return new String(chars);
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> items) {
        return items.isEmpty() ? null : items.get(random.nextInt(items.size()));
    }

    private static String shorten(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
