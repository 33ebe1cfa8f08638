package io.edgeward.passive.source;

import java.io.IOException;
import java.io.InputStream;

/** Where log objects are read from: S3 in AWS, a directory locally and in tests. */
public interface LogObjectSource {

    /**
     * Opens an object's bytes; the caller closes the stream.
     *
     * @throws java.nio.file.NoSuchFileException when the object does not exist (any more)
     * @throws IOException when it cannot be read
     */
    InputStream open(String bucket, String key) throws IOException;
}
