package io.edgeward.cdk;

import io.edgeward.cdk.config.BehaviorSettings;
import io.edgeward.cdk.config.DeploySettings;
import io.edgeward.cdk.config.DistributionSettings;
import io.edgeward.cdk.config.EdgeSettings;
import io.edgeward.cdk.config.KafkaSettings;
import io.edgeward.cdk.config.Mode;
import io.edgeward.cdk.config.ServicesSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Settings shared by the synth tests: fixture bundles, a keys file, the real repository root for the Dockerfile. */
final class TestDeployments {

    static final String EDGE_KEY = "edge-key-0123456789abcdefghijklmnopqrstuv";
    static final String INGEST_KEY = "ingest-key-0123456789abcdefghijklmnopqrstu";
    /** 43 base64url characters: 32 bytes. */
    static final String COOKIE_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
    static final String ALB_CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
    static final String CLOUDFRONT_CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/66666666-7777-8888-9999-000000000000";

    private TestDeployments() {
    }

    /** The Edgeward repository root (Surefire runs in cdk/): the services' Dockerfile lives there. */
    static Path repositoryRoot() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    }

    static Path fixtureBundle(String name) {
        try {
            return Path.of(TestDeployments.class.getResource("/bundles/" + name + "/index.js").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path keysFile(Path dir) {
        return write(dir.resolve("edgeward-keys.json"), """
                {"edgeKey":"%s","ingestKey":"%s","cookieKeys":{"k1":"%s"},"signingKey":"k1"}
                """.formatted(EDGE_KEY, INGEST_KEY, COOKIE_KEY));
    }

    /** A keys file with the origin secret of inline mode. */
    static Path keysFile(Path dir, String originSecret) {
        return write(dir.resolve("edgeward-keys-inline.json"), """
                {"edgeKey":"%s","ingestKey":"%s","cookieKeys":{"k1":"%s"},"signingKey":"k1","originSecret":"%s"}
                """.formatted(EDGE_KEY, INGEST_KEY, COOKIE_KEY, originSecret));
    }

    /** A stand-in for the passive-logs Lambda jar (a zip with one class-like entry): synthesis only stages it. */
    static Path fixtureJar(Path dir) {
        Path jar = dir.resolve("passive-logs-lambda.jar");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("io/edgeward/passive/S3LogHandler.class"));
            zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EdgeSettings edge(Path keysFile, DistributionSettings distribution) {
        return new EdgeSettings("https://api.edgeward.example", "https://api.edgeward.example/", keysFile,
                fixtureBundle("viewer-request"), fixtureBundle("origin-response"), null, null, null, distribution,
                fixtureBundle("origin-request"));
    }

    /** A new distribution in front of shop.example; existing Kafka; HTTPS load balancer. */
    static DeploySettings standard(Path keysFile) {
        DistributionSettings distribution = new DistributionSettings(false, "origin.shop.example", null,
                List.of("www.shop.example"), CLOUDFRONT_CERTIFICATE, Mode.MITIGATE,
                List.of(new BehaviorSettings("/api/*", Mode.INJECT), new BehaviorSettings("/static/*", Mode.PASSIVE),
                        new BehaviorSettings("/reports*", Mode.MONITOR)),
                null, null);
        return new DeploySettings("123456789012", "eu-west-1", null, repositoryRoot(),
                ServicesSettings.withCertificate(ALB_CERTIFICATE),
                KafkaSettings.existing("b-1.kafka.internal:9092,b-2.kafka.internal:9092"),
                edge(keysFile, distribution));
    }
}
