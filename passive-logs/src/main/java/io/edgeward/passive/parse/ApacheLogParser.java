package io.edgeward.passive.parse;

import io.edgeward.edge.core.logrecord.Masking;
import io.edgeward.env.net.IpAddress;
import io.edgeward.passive.record.LogRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an Apache/nginx access log in the combined (or common) format, for replaying history through detection.
 * Such logs carry no request id, so each record gets a stable one derived from the file name, line number and
 * line, which makes a replay of the same file produce the same ids.
 */
public final class ApacheLogParser {

    private static final Pattern COMBINED = Pattern.compile(
            "^(\\S+) \\S+ (\\S+) \\[([^\\]]+)\\] \"(\\S+) (\\S+)(?: (\\S+))?\" (\\d{3}) (\\S+)"
                    + "(?: \"((?:[^\"\\\\]|\\\\.)*)\" \"((?:[^\"\\\\]|\\\\.)*)\")?$");
    private static final DateTimeFormatter APACHE_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    /** A combined line carries the user agent and referer; a common line carries neither, nor any header. */
    static final String COMBINED_OBSERVES = "userAgent,referer";

    private final Masking masker;
    private final StaticExtensions statics;

    public ApacheLogParser(Masking masker, StaticExtensions statics) {
        this.masker = masker;
        this.statics = statics;
    }

    public ParseReport parse(InputStream raw, String fileName, RecordSink sink) throws NotALogFile {
        LineCounter counter = new LineCounter(statics, sink, new ParseTally());
        long line = 0;
        try {
            LogContent.Opened content = LogContent.open(raw);
            BufferedReader reader = content.reader();
            String text;
            while ((text = reader.readLine()) != null) {
                line++;
                if (!text.isBlank()) {
                    counter.apply(parseLine(text, fileName, line), "line " + line);
                }
            }
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            counter.tally().fileError("reading stopped after line " + line + ", the rest of the file is lost: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading stopped after line " + line, e);
        }
        return counter.tally().report();
    }

    /** One line as a record, or why it is not one; {@code line} numbers the record id. */
    public LineOutcome parseLine(String text, String fileName, long line) {
        Matcher m = COMBINED.matcher(text);
        if (!m.matches()) {
            return new LineOutcome.Invalid("not an Apache combined or common log line");
        }
        String clientIp = IpAddress.canonical(m.group(1)).orElse(null);
        if (clientIp == null) {
            return new LineOutcome.Invalid("client address is not an IP address: "
                    + CloudFrontRecordMapper.quote(m.group(1)));
        }
        String time;
        try {
            time = OffsetDateTime.parse(m.group(3), APACHE_TIME).toInstant().toString();
        } catch (DateTimeParseException e) {
            return new LineOutcome.Invalid("time is not an Apache timestamp: " + CloudFrontRecordMapper.quote(m.group(3)));
        }
        String method = m.group(4);
        if (!CloudFrontRecordMapper.isToken(method)) {
            return new LineOutcome.Invalid("method is not an HTTP method: " + CloudFrontRecordMapper.quote(method));
        }
        String target = m.group(5);
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? null : masker.maskQuery(target.substring(question + 1));
        int status = Integer.parseInt(m.group(7));
        if (!CloudFrontRecordMapper.plausibleStatus(status)) {
            return new LineOutcome.Invalid("status is not an HTTP status: " + status);
        }
        Long bytes = null;
        if (!m.group(8).equals("-")) {
            try {
                bytes = Long.parseLong(m.group(8));
            } catch (NumberFormatException e) {
                return new LineOutcome.Invalid("size is not a byte count: " + CloudFrontRecordMapper.quote(m.group(8)));
            }
        }
        String requestId = UUID.nameUUIDFromBytes((fileName + "\n" + line + "\n" + text)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new LineOutcome.Parsed(new LogRecord(time, requestId, LogRecord.ACCESS_LOG, clientIp, method, null,
                path.isEmpty() ? "/" : path, query, status, bytes, null, dashAsNull(m.group(10)),
                masker.maskUrl(dashAsNull(m.group(9))), null, null, null, null, null, null, null, null,
                m.group(10) != null ? COMBINED_OBSERVES : ""));
    }

    private static String dashAsNull(String value) {
        return value == null || value.isEmpty() || value.equals("-") ? null : value;
    }
}
