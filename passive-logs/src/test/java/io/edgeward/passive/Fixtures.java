package io.edgeward.passive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** The shared real test material (testdata/README.md lists sources and licences). */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path testdata() {
        String dir = System.getProperty("edgeward.testdata");
        return Path.of(dir != null ? dir : "../../shared/testdata").toAbsolutePath().normalize();
    }

    public static Path cloudfront(String name) {
        return testdata().resolve("cloudfront-logs").resolve(name);
    }

    public static Path apacheLog() {
        return testdata().resolve("access-logs").resolve("elastic_examples_apache_logs.log");
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
