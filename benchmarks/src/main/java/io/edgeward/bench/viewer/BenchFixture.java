package io.edgeward.bench.viewer;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.session.Session;
import io.edgeward.edge.core.session.SessionCookieCodec;
import io.edgeward.edge.jvm.JacksonJsonCodec;
import io.edgeward.edge.jvm.JvmPorts;
import io.edgeward.edge.jvm.NimbusTokenCodec;
import java.time.Clock;
import java.time.Duration;

/** A configuration and a fresh valid cookie for the benchmarks; Protector is never reached on this path. */
final class BenchFixture {

    static final String UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/142.0.0.0 Safari/537.36";

    static final String CONFIG = "{\"cookie\":{\"name\":\"__Host-ew\",\"lifetime\":\"PT24H\","
            + "\"keys\":{\"k1\":\"MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY\"},\"signingKey\":\"k1\"},"
            + "\"checkInterval\":{\"initial\":\"PT5S\",\"max\":\"PT60S\"},\"mode\":\"mitigate\","
            + "\"routes\":[{\"pathPrefix\":\"/api/\",\"mode\":\"inject\"}],"
            + "\"exclude\":{\"pathPrefixes\":[\"/.well-known/\"],\"extensions\":[\"css\",\"js\",\"png\"]},"
            + "\"protector\":{\"url\":\"http://127.0.0.1:9\",\"apiKey\":\"bench\",\"timeout\":\"PT0.1S\"}}";

    final EdgeConfig config = EdgeConfig.fromJson(CONFIG, new JacksonJsonCodec());
    final EdgePorts ports = JvmPorts.create(Clock.systemUTC(), (url, headers, body, timeout, callback) ->
            callback.onFailure("benchmarks make no calls"), "bench");
    final NimbusTokenCodec tokens = NimbusTokenCodec.from(config.cookie());
    final SessionCookieCodec cookies = new SessionCookieCodec(config.cookie(), tokens, ports.digest());

    /** {@code name=value} of a session checked for the next hour. */
    String freshCookiePair() {
        long now = ports.clock().nowMillis() / 1000;
        Session session = cookies.newSession(UA, now, ports.randomness())
                .checkedGood(now + Duration.ofHours(1).toSeconds());
        String setCookie = cookies.setCookie(session, now);
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    /** A browser-like viewer-request event carrying the cookie. */
    String eventJson(String cookiePair) {
        return "{\"Records\":[{\"cf\":{\"config\":{\"distributionDomainName\":\"d111111abcdef8.cloudfront.net\","
                + "\"distributionId\":\"EDFDVBD6EXAMPLE\",\"eventType\":\"viewer-request\","
                + "\"requestId\":\"4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ==\"},"
                + "\"request\":{\"clientIp\":\"203.0.113.178\",\"method\":\"GET\",\"uri\":\"/products/7\","
                + "\"querystring\":\"color=red\",\"headers\":{"
                + "\"host\":[{\"key\":\"Host\",\"value\":\"shop.example\"}],"
                + "\"user-agent\":[{\"key\":\"User-Agent\",\"value\":\"" + UA + "\"}],"
                + "\"accept\":[{\"key\":\"Accept\",\"value\":\"text/html,application/xhtml+xml,*/*;q=0.8\"}],"
                + "\"accept-language\":[{\"key\":\"Accept-Language\",\"value\":\"de-DE,de;q=0.9,en;q=0.8\"}],"
                + "\"accept-encoding\":[{\"key\":\"Accept-Encoding\",\"value\":\"gzip, deflate, br\"}],"
                + "\"cookie\":[{\"key\":\"Cookie\",\"value\":\"_ga=GA1.1.123; " + cookiePair + "; theme=dark\"}]"
                + "}}}}]}";
    }
}
