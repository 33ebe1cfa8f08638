package io.edgeward.passive.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.edgeward.passive.Fixtures;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The AWS SDK v2 source against a stand-in speaking S3's REST protocol for GetObject (path-style): the object's
 * bytes, or 404 with S3's {@code NoSuchKey} error document.
 */
class S3ObjectSourceTest {

    private final byte[] object = Fixtures.gzip(Fixtures.read(Fixtures.cloudfront("claygregory_web-1-0.txt")));
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private S3Client s3;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getRawPath();
                requested.add(exchange.getRequestMethod() + " " + path);
                boolean signed = exchange.getRequestHeaders().getFirst("Authorization") != null;
                if (signed && path.equals("/logs/cf/E2.2014-05-23-01.a%20b.gz")) {
                    exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                    exchange.sendResponseHeaders(200, object.length);
                    exchange.getResponseBody().write(object);
                    return;
                }
                byte[] error = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                        + "<Message>The specified key does not exist.</Message><RequestId>r1</RequestId></Error>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(404, error.length);
                exchange.getResponseBody().write(error);
            }
        });
        server.start();
        s3 = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @AfterEach
    void stop() {
        s3.close();
        server.stop(0);
    }

    @Test
    void an_object_is_read_with_a_signed_get() throws Exception {
        try (InputStream in = new S3ObjectSource(s3).open("logs", "cf/E2.2014-05-23-01.a b.gz")) {
            assertThat(in.readAllBytes()).isEqualTo(object);
        }
        assertThat(requested).containsExactly("GET /logs/cf/E2.2014-05-23-01.a%20b.gz");
    }

    @Test
    void a_missing_key_is_reported_as_no_such_file() {
        assertThatThrownBy(() -> new S3ObjectSource(s3).open("logs", "cf/gone.gz"))
                .isInstanceOf(NoSuchFileException.class).hasMessage("s3://logs/cf/gone.gz");
    }
}
