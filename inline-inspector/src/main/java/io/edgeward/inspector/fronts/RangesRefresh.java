package io.edgeward.inspector.fronts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the shipped range files from the fronts' published lists: CloudFront's origin-facing ranges from AWS's
 * ip-ranges.json ({@code service} CLOUDFRONT_ORIGIN_FACING, IPv4 and IPv6) and Cloudflare's ips-v4 and ips-v6.
 *
 * <p>Run by {@code inline-inspector/refresh-ranges.sh [--out DIR] [--aws URL] [--cloudflare-v4 URL]
 * [--cloudflare-v6 URL]}. Every download is checked before anything is written (an HTML error page, an empty list or
 * one bad line leaves the files as they were): a truncated list would make the inspector refuse real traffic.
 * Each file is replaced atomically.
 */
public final class RangesRefresh {

    public static final URI AWS = URI.create("https://ip-ranges.amazonaws.com/ip-ranges.json");
    public static final URI CLOUDFLARE_V4 = URI.create("https://www.cloudflare.com/ips-v4");
    public static final URI CLOUDFLARE_V6 = URI.create("https://www.cloudflare.com/ips-v6");
    static final String SERVICE = "CLOUDFRONT_ORIGIN_FACING";
    private static final Path DEFAULT_OUT = Path.of("inline-inspector/src/main/resources/io/edgeward/inspector/fronts");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Clock clock;

    public RangesRefresh(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) {
        URI aws = AWS;
        URI v4 = CLOUDFLARE_V4;
        URI v6 = CLOUDFLARE_V6;
        Path out = DEFAULT_OUT;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                usage("missing value for " + args[i]);
            }
            switch (args[i]) {
                case "--out" -> out = Path.of(args[i + 1]);
                case "--aws" -> aws = URI.create(args[i + 1]);
                case "--cloudflare-v4" -> v4 = URI.create(args[i + 1]);
                case "--cloudflare-v6" -> v6 = URI.create(args[i + 1]);
                default -> usage("unknown option " + args[i]);
            }
        }
        try {
            List<String> written = new RangesRefresh(Clock.systemUTC()).refresh(aws, v4, v6, out);
            written.forEach(System.out::println);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("refresh-ranges: " + e.getMessage() + " (nothing written)");
            System.exit(1);
        }
    }

    private static void usage(String problem) {
        System.err.println("refresh-ranges: " + problem + "\nusage: refresh-ranges.sh [--out DIR] [--aws URL]"
                + " [--cloudflare-v4 URL] [--cloudflare-v6 URL]");
        System.exit(2);
    }

    /** Downloads, checks, then writes both files; returns one summary line per file. */
    public List<String> refresh(URI aws, URI cloudflareV4, URI cloudflareV6, Path out) throws IOException {
        String cloudFront = cloudFrontFile(fetch(aws), aws, clock.instant());
        String cloudflare = cloudflareFile(fetch(cloudflareV4), fetch(cloudflareV6), cloudflareV4, cloudflareV6,
                clock.instant());
        Files.createDirectories(out);
        replace(out.resolve(RangeFile.CLOUDFRONT), cloudFront);
        replace(out.resolve(RangeFile.CLOUDFLARE), cloudflare);
        return List.of(summary(out.resolve(RangeFile.CLOUDFRONT), cloudFront),
                summary(out.resolve(RangeFile.CLOUDFLARE), cloudflare));
    }

    /** The CloudFront file from ip-ranges.json: origin-facing IPv4 then IPv6 prefixes, in the document's order. */
    static String cloudFrontFile(String ipRangesJson, URI source, Instant now) {
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(ipRangesJson);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not JSON");
        }
        List<String> cidrs = new ArrayList<>();
        for (JsonNode prefix : document.path("prefixes")) {
            if (SERVICE.equals(prefix.path("service").asText())) {
                cidrs.add(prefix.path("ip_prefix").asText());
            }
        }
        for (JsonNode prefix : document.path("ipv6_prefixes")) {
            if (SERVICE.equals(prefix.path("service").asText())) {
                cidrs.add(prefix.path("ipv6_prefix").asText());
            }
        }
        checked(cidrs, source.toString());
        String header = "# CloudFront's origin-facing ranges: the addresses CloudFront connects to origins from.\n"
                + "# source: " + source + ", entries with \"service\": \"" + SERVICE + "\" (syncToken "
                + document.path("syncToken").asText("?") + ", createDate " + document.path("createDate").asText("?")
                + ")\n# fetched: " + now + " by RangesRefresh\n";
        return header + String.join("\n", distinct(cidrs)) + "\n";
    }

    static String cloudflareFile(String v4, String v6, URI v4Source, URI v6Source, Instant now) {
        List<String> cidrs = new ArrayList<>(checked(RangeFile.parse(v4), v4Source.toString()));
        cidrs.addAll(checked(RangeFile.parse(v6), v6Source.toString()));
        String header = "# Cloudflare's published address ranges (IPv4 and IPv6).\n"
                + "# source: " + v4Source + " and " + v6Source + "\n# fetched: " + now + " by RangesRefresh\n";
        return header + String.join("\n", distinct(cidrs)) + "\n";
    }

    private static List<String> checked(List<String> cidrs, String source) {
        if (cidrs.isEmpty()) {
            throw new IllegalArgumentException(source + " lists no ranges");
        }
        try {
            AddressRanges.of(cidrs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
        return cidrs;
    }

    private static List<String> distinct(List<String> cidrs) {
        return cidrs.stream().map(String::trim).distinct().toList();
    }

    private String fetch(URI uri) throws IOException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("User-Agent", "edgeward-refresh-ranges").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(uri + " answered " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        }
    }

    private static void replace(Path file, String content) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(temporary, content);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String summary(Path file, String content) {
        return file + ": " + RangeFile.parse(content).size() + " ranges";
    }
}
