package io.edgeward.protector.challenge;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for a provider's siteverify endpoint (hCaptcha, reCAPTCHA and Turnstile document the same
 * protocol): it records each form POST and answers as scripted, or not at all until closed (a timeout).
 */
final class FakeSiteVerify implements AutoCloseable {

    private final HttpServer server;
    private final List<Map<String, String>> posts = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile String body = "{\"success\":true}";
    private volatile boolean hang;

    FakeSiteVerify() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/siteverify", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            posts.add(parse(form, exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestMethod()));
            if (hang) {
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/siteverify");
    }

    FakeSiteVerify answer(int newStatus, String newBody) {
        status = newStatus;
        body = newBody;
        return this;
    }

    FakeSiteVerify hang() {
        hang = true;
        return this;
    }

    List<Map<String, String>> posts() {
        return posts;
    }

    private static Map<String, String> parse(String form, String contentType, String method) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(":method", method);
        fields.put(":content-type", contentType);
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
