package io.edgeward.passive.parse;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Opens a log file's bytes as text content: gunzipped when they start with the gzip magic bytes (whatever the
 * file is called; CloudFront writes {@code .gz}, people rename), and refused when the first bytes are not text.
 */
public final class LogContent {

    private static final int SNIFF = 512;

    private LogContent() {
    }

    /** The content, positioned at its start; {@code firstNonBlank} tells JSON ({@code '{'}) from TSV. */
    public record Opened(InputStream stream, int firstNonBlank) {

        /** The content as lines of UTF-8 text; bytes that are not UTF-8 become U+FFFD rather than failing the file. */
        public BufferedReader reader() {
            return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)), 64 * 1024);
        }
    }

    public static Opened open(InputStream raw) throws IOException, NotALogFile {
        BufferedInputStream buffered = new BufferedInputStream(raw, 64 * 1024);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        InputStream content = buffered;
        if (b0 == 0x1f && b1 == 0x8b) {
            content = new BufferedInputStream(new GZIPInputStream(buffered, 64 * 1024), 64 * 1024);
        }
        content.mark(SNIFF);
        byte[] head = content.readNBytes(SNIFF);
        content.reset();
        int firstNonBlank = -1;
        for (byte b : head) {
            if (b == 0) {
                throw new NotALogFile("not a text log file: binary content in the first " + head.length + " bytes");
            }
            if (firstNonBlank < 0 && b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                firstNonBlank = b & 0xff;
            }
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
            throw new NotALogFile("not a text log file: Parquet (standard logging v2 Parquet output is not read)");
        }
        return new Opened(content, firstNonBlank);
    }
}
