package io.edgeward.backtest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** The log formats a backtest reads, each plain or gzipped. */
public enum LogFormat {
    /** CloudFront standard logs: legacy or v2 W3C/TSV with or without {@code #Fields}, or v2 JSON. */
    cloudfront,
    /** CloudFront real-time logs: tab-separated, no header, fields in the configured order. */
    realtime,
    /** Apache or nginx combined (or common) access logs. */
    apache;

    /** CloudFront files start with {@code #Version}/{@code #Fields}, a JSON object, or are tab-separated. */
    static LogFormat detect(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? new GZIPInputStream(raw) : raw;
            String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            String first = head.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
            return first.startsWith("#") || first.startsWith("{") || first.indexOf('\t') >= 0 ? cloudfront : apache;
        }
    }
}
