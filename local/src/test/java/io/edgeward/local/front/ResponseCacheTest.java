package io.edgeward.local.front;

import io.edgeward.emulator.EdgeResponse;
import io.edgeward.emulator.EventHeaders;
import io.edgeward.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseCacheTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final ResponseCache cache = new ResponseCache(clock, 10);

    @Test
    void shared_ttl_follows_cache_control() {
        assertThat(ResponseCache.sharedTtlSeconds("public, max-age=300")).hasValue(300);
        assertThat(ResponseCache.sharedTtlSeconds("max-age=60, s-maxage=10")).hasValue(10);
        assertThat(ResponseCache.sharedTtlSeconds("private, max-age=300")).isEmpty();
        assertThat(ResponseCache.sharedTtlSeconds("no-store")).isEmpty();
        assertThat(ResponseCache.sharedTtlSeconds("no-cache")).isEmpty();
        assertThat(ResponseCache.sharedTtlSeconds("max-age=0")).isEmpty();
        assertThat(ResponseCache.sharedTtlSeconds("")).isEmpty();
    }

    @Test
    void cached_response_expires_after_its_max_age() {
        cache.putIfCacheable("GET", "k", response(200, "public, max-age=30"));

        assertThat(cache.get("k")).isPresent();
        clock.advance(Duration.ofSeconds(30));
        assertThat(cache.get("k")).isEmpty();
    }

    @Test
    void only_get_200_without_set_cookie_is_cached() {
        cache.putIfCacheable("POST", "post", response(200, "max-age=30"));
        cache.putIfCacheable("GET", "404", response(404, "max-age=30"));
        EdgeResponse withCookie = response(200, "max-age=30");
        cache.putIfCacheable("GET", "cookie",
                withCookie.withHeaders(withCookie.headers().with("set-cookie", "a=b")));

        assertThat(cache.size()).isZero();
    }

    private static EdgeResponse response(int status, String cacheControl) {
        return new EdgeResponse(status, "", EventHeaders.empty().with("cache-control", cacheControl), new byte[] {1});
    }
}
