package io.edgeward.edge.core.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.decision.EdgeResult;
import io.edgeward.edge.core.decision.GeneratedResponseLog;
import io.edgeward.edge.core.decision.ViewerPolicy;
import io.edgeward.edge.core.event.CfConfig;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.core.event.CfHeaders;
import io.edgeward.edge.core.event.CfRequest;
import io.edgeward.edge.core.event.CfResponse;
import io.edgeward.edge.core.event.RequestBody;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.session.Session;
import io.edgeward.edge.core.session.SessionCookieCodec;
import io.edgeward.edge.core.testing.Configs;
import io.edgeward.edge.core.testing.FakeClock;
import io.edgeward.edge.core.testing.HmacTokenCodec;
import io.edgeward.edge.core.testing.ScriptedHttp;
import io.edgeward.edge.core.testing.TestPorts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One edge environment with the sensor on, a scripted Protector and a movable clock, driven like CloudFront. */
final class SensorFixture {

    static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0";
    static final String SCRIPT = "/.edgeward/s.js";
    static final String SIGNALS = "/.edgeward/signals";

    final FakeClock clock = new FakeClock(1_795_000_000_000L);
    final ScriptedHttp http = new ScriptedHttp();
    final HmacTokenCodec tokens = new HmacTokenCodec(Map.of("k1", Configs.KEY_1), "k1");
    final EdgeConfig config;
    final EdgePorts ports = TestPorts.ports(clock, http, new TestPorts.RecordingLog());
    final ViewerPolicy policy;
    final SessionCookieCodec cookies;

    SensorFixture(Map<String, Object> sensor) {
        Map<String, Object> root = Configs.example();
        root.put("sensor", new LinkedHashMap<>(sensor));
        config = EdgeConfig.fromJson(root);
        policy = new ViewerPolicy(config, ports, tokens, GeneratedResponseLog.NONE);
        cookies = new SessionCookieCodec(config.cookie(), tokens, ports.digest());
    }

    long now() {
        return clock.nowMillis() / 1000;
    }

    /** A checked session of this visitor, as its cookie's name=value. */
    String cookieOf(Session session) {
        return "__Host-ew=" + cookies.mint(session);
    }

    Session newSession() {
        Session fresh = cookies.newSession(UA, now(), ports.randomness());
        return fresh.checkedGood(now() + 60);
    }

    EdgeResult get(String path, String cookie, String... headers) {
        return handle(request("GET", path, cookie, null, headers));
    }

    EdgeResult post(String path, String cookie, String body, String... headers) {
        return handle(request("POST", path, cookie, body, headers));
    }

    EdgeResult handle(CfRequest request) {
        List<EdgeResult> results = new ArrayList<>();
        policy.handle(new CfEvent(new CfConfig("d1.cloudfront.net", "E1", "viewer-request", "req-1"), request, null),
                results::add);
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    static CfRequest request(String method, String path, String cookie, String body, String... headers) {
        CfHeaders h = CfHeaders.empty().with("Host", "shop.example").with("User-Agent", UA);
        if (cookie != null) {
            h = h.with("Cookie", cookie);
        }
        for (int i = 0; i < headers.length; i += 2) {
            h = h.with(headers[i], headers[i + 1]);
        }
        RequestBody requestBody = body == null ? null : new RequestBody(false, "read-only", "base64",
                Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        return new CfRequest("203.0.113.7", method, path, "", h, requestBody, null);
    }

    static CfResponse response(EdgeResult result) {
        assertThat(result).isInstanceOf(EdgeResult.Respond.class);
        return ((EdgeResult.Respond) result).response();
    }

    /** The nonce in a served script (the argument the edge calls the script with). */
    static String nonceIn(CfResponse script) {
        String body = script.body();
        int start = body.lastIndexOf("})({");
        assertThat(start).isPositive();
        JsonNode page = read(body.substring(start + 3, body.lastIndexOf(");")));
        return page.path("n").asText();
    }

    /** name=value of the session cookie a result sets (generated response or forwarded request), or null. */
    static String cookieSetBy(EdgeResult result) {
        String setCookie = result instanceof EdgeResult.Respond respond ? respond.response().header("Set-Cookie")
                : ((EdgeResult.Forward) result).request().header("x-edgeward-set-cookie");
        return setCookie == null ? null : setCookie.substring(0, setCookie.indexOf(';'));
    }

    static JsonNode claimsOf(String cookieOrToken) {
        String token = cookieOrToken.substring(cookieOrToken.indexOf('=') + 1);
        return read(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    static JsonNode read(String json) {
        try {
            return TestPorts.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String report(String nonce, String markers, int pointerMoves) {
        return "{\"n\":" + (nonce == null ? "null" : "\"" + nonce + "\"") + ",\"v\":\"x\",\"a\":[" + markers
                + "],\"i\":{\"pm\":" + pointerMoves + ",\"pd\":0,\"k\":0,\"t\":0,\"wh\":0,\"sc\":0,\"u\":0,\"c\":0,"
                + "\"f\":-1},\"x\":0.4,\"w\":3,\"r\":\"timer\"}";
    }

    static String verdict(String verdict, long ttl, int quiet) {
        return "{\"verdict\":\"" + verdict + "\",\"reason\":\"r\",\"ttl\":" + ttl + ",\"quietReports\":" + quiet + "}";
    }
}
