package io.edgeward.passive.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Objects as files: {@code <root>/<bucket>/<key>}. For the local stack and tests; keys cannot leave the root. */
public final class DirectoryObjectSource implements LogObjectSource {

    private final Path root;

    public DirectoryObjectSource(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public InputStream open(String bucket, String key) throws IOException {
        Path bucketDir = root.resolve(bucket).normalize();
        Path file = bucketDir.resolve(key).normalize();
        if (!bucketDir.startsWith(root) || !file.startsWith(bucketDir) || bucketDir.equals(root)) {
            throw new NoSuchFileException(bucket + "/" + key, null, "outside the source directory " + root);
        }
        return Files.newInputStream(file);
    }
}
