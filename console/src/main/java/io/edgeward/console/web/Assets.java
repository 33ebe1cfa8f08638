package io.edgeward.console.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The console's static files, read once from the class path ({@code console/}) and served by name: a fixed set, so
 * no request path ever reaches the file system or the class loader.
 */
public final class Assets {

    private static final Map<String, String> TYPES = Map.of(
            "console.css", "text/css; charset=utf-8",
            "live.js", "text/javascript; charset=utf-8",
            "icon.svg", "image/svg+xml");

    private final Map<String, byte[]> files = new HashMap<>();

    public Assets() {
        for (String name : TYPES.keySet()) {
            try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("console/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("console/" + name + " is missing from the class path");
                }
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public void serve(Context ctx) {
        String name = ctx.pathParam("name");
        byte[] body = files.get(name);
        if (body == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("no such asset");
            return;
        }
        // not secret and versioned with the build; revalidate rather than store forever
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(TYPES.get(name)).result(body);
    }
}
