package io.edgeward.ingest.logs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads a batch body within two bounds: its size as sent ({@code maxBodyBytes}, checked against Content-Length
 * before reading and while reading, for chunked bodies) and its size after gzip decompression
 * ({@code maxDecompressedBytes}, checked while inflating, so a gzip bomb is stopped after at most that many bytes).
 */
public final class BatchBodyReader {

    private static final int CHUNK = 16 * 1024;

    private final long maxBodyBytes;
    private final long maxDecompressedBytes;

    public BatchBodyReader(long maxBodyBytes, long maxDecompressedBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxDecompressedBytes = maxDecompressedBytes;
    }

    /**
     * @param contentLength   the declared length, or -1 when unknown (chunked)
     * @param contentEncoding the Content-Encoding header, null when absent
     * @return the decoded body bytes
     */
    public byte[] read(InputStream body, long contentLength, String contentEncoding) {
        boolean gzip = isGzip(contentEncoding);
        if (contentLength > maxBodyBytes) {
            throw new PayloadTooLarge("body is " + contentLength + " bytes; the limit is " + maxBodyBytes);
        }
        byte[] raw = readAtMost(body, maxBodyBytes, "body exceeds the limit of " + maxBodyBytes + " bytes");
        if (!gzip) {
            if (raw.length > maxDecompressedBytes) {
                throw new PayloadTooLarge("body exceeds the limit of " + maxDecompressedBytes + " bytes");
            }
            return raw;
        }
        try (InputStream inflated = new GZIPInputStream(new ByteArrayInputStream(raw), CHUNK)) {
            return readAtMost(inflated, maxDecompressedBytes,
                    "decompressed body exceeds the limit of " + maxDecompressedBytes + " bytes");
        } catch (UncheckedIOException e) {
            throw new InvalidGzip("body is not valid gzip: " + e.getCause().getMessage());
        } catch (IOException e) {
            throw new InvalidGzip("body is not valid gzip: " + e.getMessage());
        }
    }

    private static boolean isGzip(String contentEncoding) {
        if (contentEncoding == null || contentEncoding.isBlank()) {
            return false;
        }
        String encoding = contentEncoding.strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "identity" -> false;
            case "gzip", "x-gzip" -> true;
            default -> throw new UnsupportedEncoding("Content-Encoding " + contentEncoding.strip()
                    + " is not accepted; send gzip or no encoding");
        };
    }

    /** Reads the stream to its end, failing as soon as more than {@code limit} bytes arrive. */
    private static byte[] readAtMost(InputStream in, long limit, String tooLarge) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, CHUNK * 4L));
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        try {
            int n;
            while ((n = in.read(chunk)) != -1) {
                total += n;
                if (total > limit) {
                    throw new PayloadTooLarge(tooLarge);
                }
                out.write(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
