package io.edgeward.inspector.fronts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeward.inspector.StandIns;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refresh command against a local server playing ip-ranges.amazonaws.com and cloudflare.com. */
class RangesRefreshTest {

    static final String IP_RANGES = """
            {"syncToken": "1796000000", "createDate": "2026-12-01-10-00-00",
             "prefixes": [
               {"ip_prefix": "130.176.0.0/17", "region": "GLOBAL", "service": "CLOUDFRONT_ORIGIN_FACING", "network_border_group": "GLOBAL"},
               {"ip_prefix": "13.32.0.0/15", "region": "GLOBAL", "service": "CLOUDFRONT", "network_border_group": "GLOBAL"},
               {"ip_prefix": "3.5.140.0/22", "region": "ap-northeast-2", "service": "AMAZON", "network_border_group": "ap-northeast-2"},
               {"ip_prefix": "15.158.0.0/16", "region": "GLOBAL", "service": "CLOUDFRONT_ORIGIN_FACING", "network_border_group": "GLOBAL"}],
             "ipv6_prefixes": [
               {"ipv6_prefix": "2600:9000:2000::/36", "region": "GLOBAL", "service": "CLOUDFRONT_ORIGIN_FACING", "network_border_group": "GLOBAL"},
               {"ipv6_prefix": "2600:9000::/28", "region": "GLOBAL", "service": "CLOUDFRONT", "network_border_group": "GLOBAL"}]}
            """;
    static final String V4 = "173.245.48.0/20\n103.21.244.0/22\n";
    static final String V6 = "2400:cb00::/32\n2606:4700::/32\n";
    static final Instant NOW = Instant.parse("2026-12-07T02:30:00Z");

    @TempDir
    Path out;
    private StandIns.Server published;
    private final Map<String, StandIns.Reply> replies = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        replies.put("/ip-ranges.json", StandIns.Reply.json(200, IP_RANGES));
        replies.put("/ips-v4", new StandIns.Reply(200, Map.of("Content-Type", "text/plain"), V4));
        replies.put("/ips-v6", new StandIns.Reply(200, Map.of("Content-Type", "text/plain"), V6));
        published = new StandIns.Server(r -> replies.getOrDefault(r.pathAndQuery(),
                new StandIns.Reply(404, Map.of(), "not found")));
    }

    @AfterEach
    void stop() {
        published.close();
    }

    private java.util.List<String> refresh() throws Exception {
        return new RangesRefresh(Clock.fixed(NOW, ZoneOffset.UTC)).refresh(URI.create(published.url() + "/ip-ranges.json"),
                URI.create(published.url() + "/ips-v4"), URI.create(published.url() + "/ips-v6"), out);
    }

    @Test
    void refresh_keeps_only_cloudfronts_origin_facing_prefixes_and_both_cloudflare_lists_with_their_source() throws Exception {
        java.util.List<String> summary = refresh();

        AddressRanges cloudfront = RangeFile.read(out.resolve("cloudfront.txt"));
        assertThat(cloudfront.cidrs()).containsExactly("130.176.0.0/17", "15.158.0.0/16", "2600:9000:2000::/36");
        assertThat(cloudfront.contains("13.32.0.1")).as("CLOUDFRONT, not origin-facing").isFalse();
        String text = Files.readString(out.resolve("cloudfront.txt"));
        assertThat(text).contains("# source: " + published.url() + "/ip-ranges.json")
                .contains("syncToken 1796000000").contains("# fetched: 2026-12-07T02:30:00Z");
        AddressRanges cloudflare = RangeFile.read(out.resolve("cloudflare.txt"));
        assertThat(cloudflare.cidrs()).containsExactly("173.245.48.0/20", "103.21.244.0/22", "2400:cb00::/32",
                "2606:4700::/32");
        assertThat(summary).hasSize(2).allSatisfy(line -> assertThat(line).contains("ranges"));
    }

    @Test
    void a_bad_download_leaves_the_files_as_they_were() throws Exception {
        refresh();
        String before = Files.readString(out.resolve("cloudflare.txt"));
        // A captive portal or an error page answered 200 with HTML: nothing may be written.
        replies.put("/ips-v6", new StandIns.Reply(200, Map.of("Content-Type", "text/html"), "<html>oops</html>"));
        assertThatThrownBy(this::refresh).hasMessageContaining("ips-v6").hasMessageContaining("not a CIDR block");
        replies.put("/ips-v6", new StandIns.Reply(200, Map.of(), ""));
        assertThatThrownBy(this::refresh).hasMessageContaining("lists no ranges");
        replies.remove("/ip-ranges.json");
        assertThatThrownBy(this::refresh).hasMessageContaining("answered 404");

        assertThat(Files.readString(out.resolve("cloudflare.txt"))).isEqualTo(before);
    }

    @Test
    void a_document_without_origin_facing_prefixes_is_refused() {
        replies.put("/ip-ranges.json", StandIns.Reply.json(200, "{\"prefixes\":[{\"ip_prefix\":\"13.32.0.0/15\","
                + "\"service\":\"CLOUDFRONT\"}],\"ipv6_prefixes\":[]}"));
        assertThatThrownBy(this::refresh).hasMessageContaining("lists no ranges");
        assertThat(out.resolve("cloudfront.txt")).doesNotExist();
    }
}
