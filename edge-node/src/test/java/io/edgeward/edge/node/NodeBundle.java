package io.edgeward.edge.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A TeaVM bundle running under {@code node}, called as Lambda calls it (through src/test/node/harness.js): the
 * bundle's index.js is copied into a folder with its own {@code edgeward-edge.json}, as the deployed zip holds it.
 */
final class NodeBundle implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Writer stdin;
    private final BufferedReader stdout;

    private NodeBundle(Process process) {
        this.process = process;
        this.stdin = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code node} on the named bundle (viewer-request or log-shipper) with this configuration. */
    static NodeBundle start(String name, Map<String, Object> config, Path workDir) {
        return start(name, name, config, workDir);
    }

    /** As {@link #start(String, Map, Path)}, in a folder of another name, for a second copy of one bundle. */
    static NodeBundle start(String name, String folder, Map<String, Object> config, Path workDir) {
        try {
            Path bundle = Path.of("target", "lambda-edge", name, "index.js");
            if (!Files.isRegularFile(bundle) || Files.size(bundle) == 0) {
                throw new IllegalStateException(bundle + " is missing or empty: the TeaVM build did not produce it");
            }
            Path dir = Files.createDirectories(workDir.resolve(folder));
            Files.copy(bundle, dir.resolve("index.js"), StandardCopyOption.REPLACE_EXISTING);
            Files.write(dir.resolve("edgeward-edge.json"), JSON.writeValueAsBytes(config));
            Process process = new ProcessBuilder("node", Path.of("src/test/node/harness.js").toAbsolutePath()
                    .toString(), dir.toAbsolutePath().toString())
                    .redirectError(workDir.resolve(folder + ".stderr.log").toFile())
                    .start();
            return new NodeBundle(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The handler's resolved value; fails the test when the promise rejected. */
    @SuppressWarnings("unchecked")
    Map<String, Object> invoke(Map<String, Object> event) {
        Map<String, Object> reply = call(event);
        if (reply.containsKey("rejected")) {
            throw new AssertionError("the handler's promise rejected: " + reply.get("rejected"));
        }
        return (Map<String, Object>) reply.get("result");
    }

    /** The harness's whole reply: {@code result} and {@code micros}, or {@code rejected}. */
    @SuppressWarnings("unchecked")
    synchronized Map<String, Object> call(Object event) {
        try {
            stdin.write(JSON.writeValueAsString(event));
            stdin.write('\n');
            stdin.flush();
            // A safety net against a wedged node process, not a timing assertion.
            String line = CompletableFuture.supplyAsync(this::readLine).get(60, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("node exited with " + process.waitFor() + " (see its stderr log)");
            }
            return JSON.readValue(line, Map.class);
        } catch (Exception e) {
            throw new AssertionError("calling the bundle failed", e);
        }
    }

    private String readLine() {
        try {
            return stdout.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
