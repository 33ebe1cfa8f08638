package io.edgeward.protector.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.edgeward.protector.challenge.ChallengeOffer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire form of {@code POST /v1/check} (docs/contracts.md) read and written with Jackson's streaming API:
 * the check is the service's hot path, and data binding (a bean deserializer per record, reflective
 * construction) cost more than the decision itself. The reading rules are the ones the databind reader had:
 * unknown fields are skipped, {@code null} means absent, the last of duplicate fields wins, content after the
 * root object is ignored, and scalars are coerced as databind coerced them ({@code asn} may be a number or a
 * string, {@code "true"} is a boolean, {@code 1.9} is the integer 1).
 */
final class CheckCodec {

    private final JsonFactory factory;

    CheckCodec(JsonFactory factory) {
        this.factory = factory;
    }

    /** The request, or null for a body that is the JSON literal {@code null}. */
    CheckRequest read(byte[] body, int length) throws IOException {
        try (JsonParser p = factory.createParser(body, 0, length)) {
            JsonToken root = p.nextToken();
            if (root == null) {
                throw new BadCheck("No content to map due to end-of-input");
            }
            if (root == JsonToken.VALUE_NULL) {
                return null;
            }
            if (root != JsonToken.START_OBJECT) {
                throw new BadCheck("expected a JSON object, found " + describe(root));
            }
            return readFields(p);
        }
    }

    private static CheckRequest readFields(JsonParser p) throws IOException {
        String clientIp = null, userAgent = null, sessionId = null, cookieState = null, host = null, method = null,
                path = null, query = null, country = null, ja3 = null, ja4 = null, asn = null, headerNames = null,
                rawPath = null, sensorSuspect = null, sensorVerdict = null;
        Boolean challengePassed = null;
        Map<String, String> headers = null;
        Long sessionIssuedAt = null, challengePassedAt = null, sensorVerdictAt = null;
        Integer sessionGeneration = null, challengePasses = null;
        List<String> scopes = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "clientIp" -> clientIp = text(p, value, name);
                case "userAgent" -> userAgent = text(p, value, name);
                case "sessionId" -> sessionId = text(p, value, name);
                case "cookieState" -> cookieState = text(p, value, name);
                case "challengePassed" -> challengePassed = bool(p, value, name);
                case "host" -> host = text(p, value, name);
                case "method" -> method = text(p, value, name);
                case "path" -> path = text(p, value, name);
                case "query" -> query = text(p, value, name);
                case "country" -> country = text(p, value, name);
                case "ja3" -> ja3 = text(p, value, name);
                case "ja4" -> ja4 = text(p, value, name);
                case "asn" -> asn = text(p, value, name);
                case "headers" -> headers = headers(p, value);
                case "sessionIssuedAt" -> sessionIssuedAt = integer(p, value, name, Long.MIN_VALUE, Long.MAX_VALUE);
                case "sessionGeneration" -> sessionGeneration = toInt(integer(p, value, name, Integer.MIN_VALUE, Integer.MAX_VALUE));
                case "challengePassedAt" -> challengePassedAt = integer(p, value, name, Long.MIN_VALUE, Long.MAX_VALUE);
                case "challengePasses" -> challengePasses = toInt(integer(p, value, name, Integer.MIN_VALUE, Integer.MAX_VALUE));
                case "headerNames" -> headerNames = text(p, value, name);
                case "rawPath" -> rawPath = text(p, value, name);
                case "scopes" -> scopes = strings(p, value);
                case "sensorSuspect" -> sensorSuspect = text(p, value, name);
                case "sensorVerdict" -> sensorVerdict = text(p, value, name);
                case "sensorVerdictAt" -> sensorVerdictAt = integer(p, value, name, Long.MIN_VALUE, Long.MAX_VALUE);
                default -> p.skipChildren(); // a newer edge may send fields this Protector does not know
            }
        }
        return new CheckRequest(clientIp, userAgent, sessionId, cookieState, challengePassed, host, method, path, query,
                country, ja3, ja4, asn, headers, sessionIssuedAt, sessionGeneration, challengePassedAt, challengePasses,
                headerNames, rawPath, scopes, sensorSuspect, sensorVerdict, sensorVerdictAt);
    }

    private static String text(JsonParser p, JsonToken t, String field) throws IOException {
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
                || t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new BadCheck("field \"" + field + "\" must be a string, found " + describe(t));
    }

    private static Boolean bool(JsonParser p, JsonToken t, String field) throws IOException {
        switch (t) {
            case VALUE_TRUE: return Boolean.TRUE;
            case VALUE_FALSE: return Boolean.FALSE;
            case VALUE_NULL: return null;
            case VALUE_NUMBER_INT: return p.getLongValue() != 0;
            case VALUE_STRING: {
                String s = p.getText().trim();
                if (s.isEmpty()) {
                    return null;
                }
                if (s.equals("true") || s.equals("True") || s.equals("TRUE")) {
                    return Boolean.TRUE;
                }
                if (s.equals("false") || s.equals("False") || s.equals("FALSE")) {
                    return Boolean.FALSE;
                }
                break;
            }
            default:
                break;
        }
        throw new BadCheck("field \"" + field + "\" must be a boolean, found " + describe(t));
    }

    private static Long integer(JsonParser p, JsonToken t, String field, long min, long max) throws IOException {
        long v;
        switch (t) {
            case VALUE_NULL:
                return null;
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw new BadCheck("field \"" + field + "\" is out of range");
                }
                v = p.getLongValue();
                break;
            case VALUE_NUMBER_FLOAT: {
                double d = p.getDoubleValue();
                if (Double.isNaN(d) || d < min || d > max) {
                    throw new BadCheck("field \"" + field + "\" is out of range");
                }
                v = (long) d;
                break;
            }
            case VALUE_STRING: {
                String s = p.getText().trim();
                if (s.isEmpty()) {
                    return null;
                }
                try {
                    v = Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new BadCheck("field \"" + field + "\" must be an integer, was '" + s + "'");
                }
                break;
            }
            default:
                throw new BadCheck("field \"" + field + "\" must be an integer, found " + describe(t));
        }
        if (v < min || v > max) {
            throw new BadCheck("field \"" + field + "\" is out of range");
        }
        return v;
    }

    private static Integer toInt(Long v) {
        return v == null ? null : (int) (long) v; // range checked by integer()
    }

    private static Map<String, String> headers(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            throw new BadCheck("field \"headers\" must be an object, found " + describe(t));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            headers.put(name, text(p, p.nextToken(), "headers." + name));
        }
        return headers;
    }

    private static List<String> strings(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_ARRAY) {
            throw new BadCheck("field \"scopes\" must be an array, found " + describe(t));
        }
        List<String> out = new ArrayList<>(4);
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            out.add(text(p, e, "scopes[]"));
        }
        return out;
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> "null";
        };
    }

    /**
     * Writes the answer: {@code action, ttl, reason, decisionId} always (null when absent), {@code challenge} only
     * with a challenge, {@code blockScope} and {@code blockUntil} only on a block that has them (contract C2),
     * {@code sensorExempt} only when true (the browser sensor's rules do not apply to this client: allowlisted, a
     * verified good bot, or on the {@code allow-automation} list).
     */
    byte[] write(CheckResult r, ChallengeOffer offer, boolean sensorExempt, ByteArrayBuilder out) throws IOException {
        out.reset();
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("action", r.action().wireName());
            g.writeNumberField("ttl", r.ttl());
            g.writeStringField("reason", r.reason());
            g.writeStringField("decisionId", r.decisionId());
            if (offer != null) {
                g.writeObjectFieldStart("challenge");
                g.writeStringField("token", offer.token());
                g.writeStringField("provider", offer.provider());
                g.writeNumberField("difficulty", offer.difficulty());
                g.writeStringField("siteKey", offer.siteKey());
                g.writeEndObject();
            }
            if (r.blockScope() != null) {
                g.writeStringField("blockScope", r.blockScope());
            }
            if (r.blockUntil() != null) {
                g.writeNumberField("blockUntil", r.blockUntil());
            }
            if (sensorExempt) {
                g.writeBooleanField("sensorExempt", true);
            }
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** A body that is JSON but not a check request; its message names the field, never a class. */
    static final class BadCheck extends IOException {
        BadCheck(String message) {
            super(message);
        }
    }
}
