package io.edgeward.protector.challenge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeward.protector.check.CheckRequest;
import io.edgeward.protector.check.CheckService;
import io.edgeward.protector.decision.Subject;

import java.util.ArrayList;
import java.util.List;

/**
 * Who is answering a challenge, as the decision store sees them. The verify body carries the same client fields as
 * a check request ({@code clientIp}, {@code userAgent}, {@code sessionId}, and when the edge has them {@code ja4},
 * {@code asn}, {@code country}, {@code headers}, {@code headerNames}), so it is read as one and turned into a
 * {@link Subject} exactly as the check does (the campaign key included, whatever the check derives).
 *
 * <p>{@code whole} is that subject; {@code alone} holds one subject per attribute, each with only that attribute.
 * A store lookup answers the most specific matching scope only, so a lesser decision on a narrow scope (a challenge
 * on the address) would hide a block on a wider one (the user agent); looking each attribute up alone finds it.
 */
record VerifyingClient(Subject whole, List<Subject> alone) {

    /** Each group of fields that makes one attribute a decision can name. */
    private static final List<List<String>> ATTRIBUTES = List.of(
            List.of("clientIp"), List.of("sessionId"), List.of("ja4"), List.of("userAgent"), List.of("asn"),
            List.of("country"));

    static VerifyingClient of(JsonNode body, ObjectMapper mapper) {
        Subject whole = subject(body, mapper);
        List<Subject> alone = new ArrayList<>(ATTRIBUTES.size());
        for (List<String> fields : ATTRIBUTES) {
            ObjectNode only = mapper.createObjectNode();
            for (String field : fields) {
                JsonNode value = body.get(field);
                if (value != null && !value.isNull()) {
                    only.set(field, value);
                }
            }
            if (!only.isEmpty()) {
                alone.add(subject(only, mapper));
            }
        }
        if (whole.ipBytes() != null) {
            // The address's networks without the address itself, so an ip decision cannot hide a cidr block.
            alone.add(mapper.convertValue(mapper.createObjectNode().put("ipBytes", whole.ipBytes()), Subject.class));
        }
        return new VerifyingClient(whole, List.copyOf(alone));
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
