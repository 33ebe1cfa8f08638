package io.edgeward.protector.challenge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeward.protector.check.CheckRequest;
import io.edgeward.protector.check.CheckService;
import io.edgeward.protector.decision.Subject;

import java.util.List;

/**
 * Who is answering a challenge, as the decision store sees them. The verify body carries the same client fields as
 * a check request ({@code clientIp}, {@code userAgent}, {@code sessionId}, and when the edge has them {@code ja4},
 * {@code asn}, {@code country}, {@code headers}, {@code headerNames}), so it is read as one and turned into a
 * {@link Subject} exactly as the check does (the campaign key included, whatever the check derives).
 *
 */
record VerifyingClient(Subject whole) {

    static VerifyingClient of(JsonNode body, ObjectMapper mapper) {
        return new VerifyingClient(subject(body, mapper));
    }

    /** The client of a verify request that carries only the fields every edge sends. */
    static VerifyingClient of(VerifyRequest request, ObjectMapper mapper) {
        return of(mapper.valueToTree(request), mapper);
    }

    private static Subject subject(JsonNode fields, ObjectMapper mapper) {
        try {
            return CheckService.subjectOf(mapper.treeToValue(fields, CheckRequest.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            // An optional field of the wrong type: look up what every edge sends rather than nothing.
            ObjectNode basic = mapper.createObjectNode();
            for (String name : List.of("clientIp", "sessionId", "userAgent")) {
                if (fields.path(name).isTextual()) {
                    basic.put(name, fields.get(name).textValue());
                }
            }
            return CheckService.subjectOf(mapper.convertValue(basic, CheckRequest.class));
        }
    }
}
