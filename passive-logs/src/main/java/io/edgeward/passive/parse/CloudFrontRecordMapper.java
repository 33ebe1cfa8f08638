package io.edgeward.passive.parse;

import io.edgeward.edge.core.logrecord.Masking;
import io.edgeward.env.net.IpAddress;
import io.edgeward.passive.record.LogRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Builds a log record from the fields of one CloudFront log line (standard or real-time): values URL-decoded,
 * {@code -} as missing, the configured query parameters masked, cookies never copied. A line missing a required
 * field or holding a value that cannot be right (a time, an address, a status) is invalid with the reason.
 */
public final class CloudFrontRecordMapper {

    private final Masking masker;
    private final StandardTime standardTime = new StandardTime();

    /** Safe to share between threads: the time check remembers only dates it has validated. */
    public CloudFrontRecordMapper(Masking masker) {
        this.masker = masker;
    }

    public LineOutcome map(FieldValues f, String source) {
        try {
            return new LineOutcome.Parsed(build(f, source));
        } catch (InvalidLine e) {
            return new LineOutcome.Invalid(e.getMessage());
        }
    }

    private LogRecord build(FieldValues f, String source) throws InvalidLine {
        String time = time(f);
        String requestId = required(f, Column.REQUEST_ID);
        String rawClientIp = required(f, Column.CLIENT_IP);
        String clientIp = IpAddress.canonical(rawClientIp).orElse(null);
        if (clientIp == null) {
            throw new InvalidLine("c-ip is not an IP address: " + quote(rawClientIp));
        }
        String method = required(f, Column.METHOD);
        if (!isToken(method)) {
            throw new InvalidLine("cs-method is not an HTTP method: " + quote(method));
        }
        String path = Percent.decode(required(f, Column.URI_STEM));
        int status = status(required(f, Column.STATUS));
        String host = f.get(Column.HOST_HEADER) != null ? f.get(Column.HOST_HEADER) : f.get(Column.DISTRIBUTION_HOST);
        RequestHeaderValues headers = RequestHeaderValues.parse(f.get(Column.HEADERS));
        return new LogRecord(time, requestId, source, clientIp, method, host, path,
                masker.maskQuery(Percent.decode(f.get(Column.QUERY))), status,
                number(f.get(Column.BYTES), "sc-bytes"), f.get(Column.CONTENT_TYPE),
                Percent.decodeUserAgent(f.get(Column.USER_AGENT)),
                masker.maskUrl(Percent.decode(f.get(Column.REFERER))),
                firstNonNull(Percent.decode(f.get(Column.ACCEPT)), headers.accept()), headers.acceptLanguage(),
                f.get(Column.EDGE_LOCATION), f.get(Column.COUNTRY),
                firstNonNull(f.get(Column.JA3), headers.ja3()), firstNonNull(f.get(Column.JA4), headers.ja4()),
                f.get(Column.ASN), timeTakenMs(f.get(Column.TIME_TAKEN)), observed(f));
    }

    /**
     * The optional fields this line's layout carries: a standard log has the user agent and referer but no
     * request header besides them; a real-time log has what its configuration chose, {@code cs-headers} bringing
     * {@code Accept} and {@code Accept-Language}.
     */
    static String observed(FieldValues f) {
        StringBuilder out = new StringBuilder();
        boolean headers = f.carries(Column.HEADERS);
        append(out, "userAgent", f.carries(Column.USER_AGENT));
        append(out, "referer", f.carries(Column.REFERER));
        append(out, "accept", f.carries(Column.ACCEPT) || headers);
        append(out, "acceptLanguage", headers);
        append(out, "ja4", f.carries(Column.JA4));
        append(out, "country", f.carries(Column.COUNTRY));
        append(out, "asn", f.carries(Column.ASN));
        return out.toString();
    }

    private static void append(StringBuilder out, String field, boolean carried) {
        if (carried) {
            out.append(out.length() == 0 ? "" : ",").append(field);
        }
    }

    private String time(FieldValues f) throws InvalidLine {
        String millis = f.get(Column.TIMESTAMP_MS);
        String seconds = f.get(Column.TIMESTAMP_SECONDS);
        String date = f.get(Column.DATE);
        String clock = f.get(Column.TIME);
        try {
            if (millis != null) {
                return Instant.ofEpochMilli(Long.parseLong(millis)).toString();
            }
            if (seconds != null) {
                return Instant.ofEpochMilli(new BigDecimal(seconds).movePointRight(3).longValueExact()).toString();
            }
            if (date != null && clock != null) {
                String iso = standardTime.toIso(date, clock);
                if (iso == null) {
                    throw new DateTimeParseException("not a date and time", date + " " + clock, 0);
                }
                return iso;
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new InvalidLine("time is not a CloudFront timestamp: " + quote(millis != null ? millis
                    : seconds != null ? seconds : date + " " + clock));
        }
        throw new InvalidLine("time is missing (date and time, or timestamp)");
    }

    private static String required(FieldValues f, Column column) throws InvalidLine {
        String value = f.get(column);
        if (value == null) {
            throw new InvalidLine(column.fieldName() + " is missing");
        }
        return value;
    }

    private static int status(String text) throws InvalidLine {
        try {
            int status = Integer.parseInt(text);
            if (plausibleStatus(status)) {
                return status;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidLine("sc-status is not an HTTP status: " + quote(text));
    }

    private static Long number(String text, String field) throws InvalidLine {
        if (text == null) {
            return null;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidLine(field + " is not a byte count: " + quote(text));
    }

    private static Double timeTakenMs(String seconds) throws InvalidLine {
        if (seconds == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(seconds) * 1000.0;
            if (value >= 0 && Double.isFinite(value)) {
                return Math.round(value * 1000.0) / 1000.0;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidLine("time-taken is not a number of seconds: " + quote(seconds));
    }

    /** Whether a logged status is one the record schema accepts; 0 is CloudFront's "the viewer went away first". */
    static boolean plausibleStatus(int status) {
        return status == 0 || (status >= 100 && status <= 599);
    }

    static boolean isToken(String method) {
        if (method.isEmpty() || method.length() > 32) {
            return false;
        }
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    /** A value for an error message: quoted, cut short, control characters shown as escapes. */
    static String quote(String value) {
        String cut = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        StringBuilder out = new StringBuilder(cut.length() + 2).append('\'');
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? String.format(Locale.ROOT, "\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.append('\'').toString();
    }
}
