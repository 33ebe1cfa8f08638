package io.edgeward.ingest.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeward.env.net.IpAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The log record schema of docs/contracts.md: required {@code v}, {@code time}, {@code requestId},
 * {@code clientIp}, {@code method}, {@code path}, {@code status}; optional fields, when present and not null, must
 * have their type. Unknown fields are kept (newer edges may add optional ones). The optional fields of contract C8 are
 * bounded: {@code rawPath} (a string of at most 8,192 characters), {@code headerNames} (at most
 * {@value #MAX_HEADER_NAMES} characters, as the edge cuts it), {@code challengePasses} and {@code sessionIssuedAt}
 * (non-negative integers; the latter in epoch seconds, so at most {@value #MAX_EPOCH_SECONDS}, year 9999). Every
 * accepted field is passed to Kafka as received, but {@code clientIp}: it is read by the one shared parser
 * (docs/ip-addresses.md) and written in its canonical form, so the Kafka key, detection's keys and Protector's
 * decisions spell one address one way ({@code ::ffff:1.2.3.4} is {@code 1.2.3.4}; {@code 010.1.1.1} is refused).
 *
 * <p>{@code time} may lie at most {@link #MAX_FUTURE} ahead of this service's clock: Kafka brokers reject record
 * timestamps more than an hour ahead of theirs ({@code message.timestamp.after.max.ms}), which would fail a batch
 * half-written.
 */
final class LogRecordValidator {

    static final Duration MAX_FUTURE = Duration.ofMinutes(15);
    private static final int MAX_ID = 256;
    private static final int MAX_METHOD = 32;
    private static final int MAX_TEXT = 8192;
    static final int MAX_HEADER_NAMES = 512;
    static final long MAX_EPOCH_SECONDS = 253_402_300_799L;
    private static final List<String> OPTIONAL_TEXT = List.of("source", "host", "query", "contentType", "userAgent",
            "referer", "accept", "acceptLanguage", "sessionId", "cookieState", "action", "reason", "mode",
            "decisionId", "edgeLocation", "country", "ja3", "ja4", "rawPath", "observed");

    private final Clock clock;

    LogRecordValidator(Clock clock) {
        this.clock = clock;
    }

    /** The outcome of checking one record: its time (epoch ms, when valid) and what is wrong (empty when valid). */
    record Checked(long timeMillis, List<String> errors) {
    }

    /** Checks one record. */
    Checked validate(ObjectNode record) {
        List<String> errors = new ArrayList<>(0);
        JsonNode v = record.get("v");
        if (isAbsent(v)) {
            errors.add("v is required");
        } else if (!v.isIntegralNumber() || v.asLong() != 1) {
            errors.add("v must be 1, was " + brief(v));
        }
        Instant time = checkTime(record.get("time"), errors);
        requireText(record, "requestId", MAX_ID, errors);
        checkClientIp(record, errors);
        String method = requireText(record, "method", MAX_METHOD, errors);
        if (method != null && !isToken(method)) {
            errors.add("method must be an HTTP method token, was " + brief(record.get("method")));
        }
        requireText(record, "path", MAX_TEXT, errors);
        checkStatus(record.get("status"), errors);
        for (String field : OPTIONAL_TEXT) {
            JsonNode value = record.get(field);
            if (!isAbsent(value) && (!value.isTextual() || value.textValue().length() > MAX_TEXT)) {
                errors.add(field + " must be a string of at most " + MAX_TEXT + " characters or null");
            }
        }
        checkOptionalNumber(record.get("bytes"), "bytes", true, errors);
        checkOptionalNumber(record.get("timeTakenMs"), "timeTakenMs", false, errors);
        checkHeaderNames(record.get("headerNames"), errors);
        checkBoundedInteger(record.get("challengePasses"), "challengePasses", Integer.MAX_VALUE, errors);
        checkBoundedInteger(record.get("sessionIssuedAt"), "sessionIssuedAt", MAX_EPOCH_SECONDS, errors);
        JsonNode asn = record.get("asn");
        if (!isAbsent(asn) && !asn.isTextual() && !(asn.isIntegralNumber() && asn.asLong() >= 0)) {
            errors.add("asn must be a non-negative integer, a string or null, was " + brief(asn));
        }
        return new Checked(time == null ? -1 : time.toEpochMilli(), errors);
    }

    private Instant checkTime(JsonNode time, List<String> errors) {
        if (isAbsent(time)) {
            errors.add("time is required");
            return null;
        }
        if (!time.isTextual()) {
            errors.add("time must be an ISO-8601 UTC timestamp string such as 2026-11-23T13:40:43.123Z, was "
                    + brief(time));
            return null;
        }
        try {
            Instant instant = IsoInstant.parse(time.textValue());
            if (instant.isBefore(Instant.EPOCH)) {
                errors.add("time must not be before 1970-01-01T00:00:00Z, was " + time.textValue());
            } else if (instant.isAfter(clock.instant().plus(MAX_FUTURE))) {
                errors.add("time must not be more than " + MAX_FUTURE + " ahead of the ingest clock, was "
                        + time.textValue());
            }
            return instant;
        } catch (DateTimeParseException e) {
            errors.add("time must be an ISO-8601 UTC timestamp such as 2026-11-23T13:40:43.123Z, was " + brief(time));
            return null;
        }
    }

    /** Requires an IP address and writes it back in canonical form. */
    private static void checkClientIp(ObjectNode record, List<String> errors) {
        JsonNode ip = record.get("clientIp");
        if (isAbsent(ip)) {
            errors.add("clientIp is required");
            return;
        }
        String canonical = ip.isTextual() ? IpAddress.canonical(ip.textValue()).orElse(null) : null;
        if (canonical == null) {
            errors.add("clientIp must be an IPv4 or IPv6 address, was " + brief(ip));
        } else if (!canonical.equals(ip.textValue())) {
            record.put("clientIp", canonical);
        }
    }

    private static void checkStatus(JsonNode status, List<String> errors) {
        if (isAbsent(status)) {
            errors.add("status is required");
            return;
        }
        long value = status.isIntegralNumber() ? status.asLong() : -1;
        if (!(value == 0 || (value >= 100 && value <= 599))) {
            errors.add("status must be an integer 100-599 (or 0: no response, as CloudFront logs it), was "
                    + brief(status));
        }
    }

    private static void checkOptionalNumber(JsonNode value, String field, boolean integral, List<String> errors) {
        if (isAbsent(value)) {
            return;
        }
        boolean typeOk = integral ? value.isIntegralNumber() : value.isNumber();
        if (!typeOk || value.asDouble() < 0) {
            errors.add(field + " must be a non-negative " + (integral ? "integer" : "number") + " or null, was "
                    + brief(value));
        }
    }

    private static void checkHeaderNames(JsonNode value, List<String> errors) {
        if (!isAbsent(value) && (!value.isTextual() || value.textValue().length() > MAX_HEADER_NAMES)) {
            errors.add("headerNames must be a string of at most " + MAX_HEADER_NAMES + " characters or null, was "
                    + brief(value));
        }
    }

    private static void checkBoundedInteger(JsonNode value, String field, long max, List<String> errors) {
        if (isAbsent(value)) {
            return;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0 || value.asLong() > max) {
            errors.add(field + " must be an integer between 0 and " + max + " or null, was " + brief(value));
        }
    }

    private static String requireText(ObjectNode record, String field, int maxLength, List<String> errors) {
        JsonNode value = record.get(field);
        if (isAbsent(value)) {
            errors.add(field + " is required");
            return null;
        }
        if (!value.isTextual() || value.textValue().isEmpty() || value.textValue().length() > maxLength) {
            errors.add(field + " must be a non-empty string of at most " + maxLength + " characters, was "
                    + brief(value));
            return null;
        }
        return value.textValue();
    }

    private static boolean isToken(String method) {
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull();
    }

    /** A short rendering of a bad value for an error message: its type, and the value when short. */
    private static String brief(JsonNode value) {
        String text = value.isTextual() ? value.textValue() : value.toString();
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return value.getNodeType().name().toLowerCase() + " " + (value.isTextual() ? "\"" + shown + "\"" : shown);
    }
}
