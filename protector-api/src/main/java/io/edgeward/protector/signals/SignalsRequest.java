package io.edgeward.protector.signals;

import java.util.Map;

/**
 * The body of {@code POST /v1/signals} (docs/api/protector-openapi.yaml): the report the edge relays after checking
 * its nonce's signature, session and age, with who sent it as the edge sees them. {@code nonce} is the nonce's random
 * id, spent here (single use across reports); {@code nonceExpiresAt} when it expires (epoch seconds);
 * {@code quietReports} the session's count of reports in a row without input (cookie {@code sq}); {@code signals} the
 * browser's report as posted (its {@code n} removed).
 */
public record SignalsRequest(String sessionId, String clientIp, String userAgent, String secChUa, String host,
                             String nonce, Long nonceExpiresAt, Integer quietReports, Map<String, Object> signals) {
}
