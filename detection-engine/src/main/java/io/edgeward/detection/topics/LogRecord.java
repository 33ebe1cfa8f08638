package io.edgeward.detection.topics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A log record from {@code edgeward.logs} (docs/contracts.md), reduced to the fields detection reads; the others
 * are skipped without being decoded. The request time is not among them: the Kafka record timestamp carries it.
 * {@code headerNames}, {@code rawPath}, {@code challengePasses} and {@code sessionIssuedAt} (epoch s) are the
 * optional C8 fields; passive records lack them. {@code source} names where the record came from and
 * {@code observed} which optional fields that source can see ({@link RecordField}): a field the source cannot see is
 * never judged absent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogRecord(Integer v, String clientIp, String method, String path, Integer status, String userAgent,
                        String acceptLanguage, String sessionId, String cookieState, String action, String reason,
                        String ja4, String accept, String country, String asn, String headerNames, String rawPath,
                        Integer challengePasses, Long sessionIssuedAt, String source, String observed) {

    /** A record without {@code source} and {@code observed}: an edge record from before they existed. */
    public LogRecord(Integer v, String clientIp, String method, String path, Integer status, String userAgent,
                     String acceptLanguage, String sessionId, String cookieState, String action, String reason,
                     String ja4, String accept, String country, String asn, String headerNames, String rawPath,
                     Integer challengePasses, Long sessionIssuedAt) {
        this(v, clientIp, method, path, status, userAgent, acceptLanguage, sessionId, cookieState, action, reason,
                ja4, accept, country, asn, headerNames, rawPath, challengePasses, sessionIssuedAt, null, null);
    }

    /** The record as the first wave wrote it (no optional C8 fields). */
    public LogRecord(Integer v, String clientIp, String method, String path, Integer status, String userAgent,
                     String acceptLanguage, String sessionId, String cookieState, String action, String reason,
                     String ja4) {
        this(v, clientIp, method, path, status, userAgent, acceptLanguage, sessionId, cookieState, action, reason,
                ja4, null, null, null, null, null, null, null, null, null);
    }

    /** Required fields of the contract that detection cannot do without. */
    public boolean isUsable() {
        return clientIp != null && !clientIp.isEmpty() && path != null && status != null && method != null;
    }

    /** Verified good bots are Protector's business (allowlist); detection leaves them alone. */
    public boolean isVerifiedGoodBot() {
        return "allow".equals(action) && reason != null && reason.startsWith("goodbot");
    }

    /** A session that came back with our cookie: its requests can be attributed to one visitor. */
    public boolean hasReturningSession() {
        return sessionId != null && !sessionId.isEmpty()
                && ("valid".equals(cookieState) || "stale".equals(cookieState));
    }

    /** Records from the edge say whether a cookie came back; passive sources (no cookie state) cannot. */
    public boolean fromEdge() {
        return cookieState != null;
    }

    public int passes() {
        return challengePasses == null ? 0 : Math.max(0, challengePasses);
    }

    /** Whether this record's source can see {@code field}, so that its absence means something. */
    public boolean observes(RecordField field) {
        return RecordField.observedBy(this).contains(field);
    }
}
