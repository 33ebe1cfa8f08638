package io.edgeward.inspector.fronts;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.inspector.fronts.Admission.Outcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gate alone, with the shipped ranges: who is believed, who is refused, which headers are dropped. */
class TrustedFrontsTest {

    static final String CLOUDFLARE_PEER = "172.70.12.34";
    static final String CLOUDFLARE_PEER_V6 = "2a06:98c0:3600::103";
    static final String CLOUDFRONT_PEER = "130.176.98.10";
    static final String OUTSIDER = "203.0.113.66";

    private final TrustedFronts fronts = fronts(TrustedFronts.Untrusted.REFUSE, List.of());

    static TrustedFronts fronts(TrustedFronts.Untrusted untrusted, List<String> proxies) {
        return new TrustedFronts(List.of(
                new TrustedFront("cloudfront", "CloudFront-Viewer-Address", RangeFile.shipped(RangeFile.CLOUDFRONT)),
                new TrustedFront("cloudflare", "CF-Connecting-IP", RangeFile.shipped(RangeFile.CLOUDFLARE))),
                AddressRanges.of(proxies), untrusted);
    }

    private static Map<String, List<String>> headers(String... pairs) {
        Map<String, List<String>> headers = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.computeIfAbsent(pairs[i].toLowerCase(), k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return headers;
    }

    private Admission admit(TrustedFronts gate, String peer, Map<String, List<String>> headers) {
        return gate.admit(peer, name -> headers.getOrDefault(name, List.of()));
    }

    @Test
    void a_spoofed_client_address_from_outside_every_range_is_refused() {
        Admission admission = admit(fronts, OUTSIDER, headers("CF-Connecting-IP", "198.51.100.7",
                "CloudFront-Viewer-Address", "198.51.100.7:443", "True-Client-IP", "198.51.100.7"));

        assertThat(admission.refused()).isTrue();
        assertThat(admission.front()).isEqualTo("untrusted");
        assertThat(admission.clientIp()).isNull();
    }

    @Test
    void a_cloudflare_peer_has_cf_connecting_ip_believed() {
        Admission admission = admit(fronts, CLOUDFLARE_PEER, headers("CF-Connecting-IP", "198.51.100.7"));

        assertThat(admission.outcome()).isEqualTo(Outcome.TRUSTED);
        assertThat(admission.front()).isEqualTo("cloudflare");
        assertThat(admission.clientIp()).isEqualTo("198.51.100.7");
        assertThat(admission.cloudFrontHeaders()).isFalse();
        assertThat(admission.dropHeaders()).contains("cloudfront-viewer-address", "true-client-ip")
                .doesNotContain("cf-connecting-ip");
    }

    @Test
    void a_cloudflare_peer_cannot_assert_the_cloudfront_viewer_address() {
        Admission admission = admit(fronts, CLOUDFLARE_PEER, headers("CloudFront-Viewer-Address", "198.51.100.7:443",
                "CloudFront-Viewer-Country", "US"));

        assertThat(admission.outcome()).isEqualTo(Outcome.HEADER_MISSING);
        assertThat(admission.clientIp()).as("the peer, not the asserted address").isEqualTo(CLOUDFLARE_PEER);
        assertThat(admission.cloudFrontHeaders()).isFalse();
        assertThat(admission.dropHeaders()).contains("cloudfront-viewer-address");
    }

    @Test
    void a_cloudfront_peer_cannot_assert_cf_connecting_ip() {
        Admission admission = admit(fronts, CLOUDFRONT_PEER, headers("CF-Connecting-IP", "198.51.100.9",
                "CloudFront-Viewer-Address", "198.51.100.7:51234"));

        assertThat(admission.front()).isEqualTo("cloudfront");
        assertThat(admission.clientIp()).isEqualTo("198.51.100.7");
        assertThat(admission.cloudFrontHeaders()).isTrue();
        assertThat(admission.dropHeaders()).contains("cf-connecting-ip");
    }

    @Test
    void ipv6_peers_and_ipv6_visitors_are_matched_and_canonical() {
        Admission admission = admit(fronts, CLOUDFLARE_PEER_V6, headers("CF-Connecting-IP", "2001:DB8::0:7"));
        assertThat(admission.outcome()).isEqualTo(Outcome.TRUSTED);
        assertThat(admission.clientIp()).isEqualTo("2001:db8::7");

        Admission viaCloudFront = admit(fronts, CLOUDFRONT_PEER,
                headers("CloudFront-Viewer-Address", "2001:db8::7:443"));
        assertThat(viaCloudFront.clientIp()).isEqualTo("2001:db8::7");

        assertThat(admit(fronts, "2001:db8::66", headers("CF-Connecting-IP", "198.51.100.7")).refused()).isTrue();
        assertThat(admit(fronts, "[" + CLOUDFLARE_PEER_V6 + "]", headers("CF-Connecting-IP", "198.51.100.7")).outcome())
                .as("a bracketed socket address").isEqualTo(Outcome.TRUSTED);
    }

    @Test
    void a_malformed_or_repeated_header_is_not_believed_and_is_dropped() {
        for (Map<String, List<String>> headers : List.of(
                headers("CF-Connecting-IP", "198.51.100.7, 192.0.2.1"),
                headers("CF-Connecting-IP", "198.51.100"),
                headers("CF-Connecting-IP", "<script>"),
                headers("CF-Connecting-IP", "198.51.100.7:443"),
                headers("CF-Connecting-IP", "198.51.100.7", "CF-Connecting-IP", "192.0.2.1"))) {
            Admission admission = admit(fronts, CLOUDFLARE_PEER, headers);
            assertThat(admission.outcome()).as(headers.toString()).isEqualTo(Outcome.HEADER_INVALID);
            assertThat(admission.clientIp()).isEqualTo(CLOUDFLARE_PEER);
            assertThat(admission.dropHeaders()).contains("cf-connecting-ip");
        }
        Admission noPort = admit(fronts, CLOUDFRONT_PEER, headers("CloudFront-Viewer-Address", "198.51.100.7"));
        assertThat(noPort.outcome()).isEqualTo(Outcome.HEADER_INVALID);
        assertThat(noPort.clientIp()).isEqualTo(CLOUDFRONT_PEER);
    }

    @Test
    void in_passthrough_mode_an_outsider_is_served_as_itself_with_every_client_address_header_dropped() {
        Admission admission = admit(fronts(TrustedFronts.Untrusted.PEER, List.of()), OUTSIDER,
                headers("CF-Connecting-IP", "198.51.100.7"));

        assertThat(admission.outcome()).isEqualTo(Outcome.PASSED_AS_PEER);
        assertThat(admission.clientIp()).isEqualTo(OUTSIDER);
        assertThat(admission.cloudFrontHeaders()).isFalse();
        assertThat(admission.dropHeaders()).contains("cf-connecting-ip", "cloudfront-viewer-address",
                "true-client-ip");
    }

    @Test
    void behind_a_trusted_load_balancer_only_the_address_it_appended_is_the_front() {
        TrustedFronts behindAlb = fronts(TrustedFronts.Untrusted.REFUSE, List.of("10.0.0.0/16"));

        Admission fromCloudflare = admit(behindAlb, "10.0.3.7", headers("X-Forwarded-For",
                "203.0.113.66, " + CLOUDFLARE_PEER, "CF-Connecting-IP", "198.51.100.7"));
        assertThat(fromCloudflare.outcome()).isEqualTo(Outcome.TRUSTED);
        assertThat(fromCloudflare.clientIp()).isEqualTo("198.51.100.7");

        // The attacker writes a Cloudflare address first; the load balancer appends the attacker's own.
        Admission spoofed = admit(behindAlb, "10.0.3.7", headers("X-Forwarded-For",
                CLOUDFLARE_PEER + ", " + OUTSIDER, "CF-Connecting-IP", "198.51.100.7"));
        assertThat(spoofed.refused()).isTrue();

        // X-Forwarded-For from a peer that is not a trusted load balancer is never read.
        assertThat(admit(behindAlb, OUTSIDER, headers("X-Forwarded-For", CLOUDFLARE_PEER)).refused()).isTrue();
    }

    @Test
    void shipped_ranges_hold_each_fronts_known_addresses_and_not_the_others() {
        AddressRanges cloudflare = RangeFile.shipped(RangeFile.CLOUDFLARE);
        AddressRanges cloudfront = RangeFile.shipped(RangeFile.CLOUDFRONT);

        assertThat(cloudflare.contains("173.245.48.1")).isTrue();
        assertThat(cloudflare.contains("2606:4700::1")).isTrue();
        assertThat(cloudfront.contains("130.176.0.1")).isTrue();
        assertThat(cloudfront.contains("64.252.64.1")).isTrue();
        assertThat(cloudflare.contains(CLOUDFRONT_PEER)).isFalse();
        assertThat(cloudfront.contains(CLOUDFLARE_PEER)).isFalse();
    }
}
