package io.edgeward.edge.core.event;

import java.util.Map;

/**
 * The {@code config} of a Lambda@Edge event. {@code eventType} is {@code viewer-request}, {@code origin-request},
 * {@code origin-response} or {@code viewer-response}; missing fields are empty strings.
 */
public record CfConfig(String distributionDomainName, String distributionId, String eventType, String requestId) {

    public static final CfConfig EMPTY = new CfConfig("", "", "", "");

    public CfConfig {
        distributionDomainName = distributionDomainName == null ? "" : distributionDomainName;
        distributionId = distributionId == null ? "" : distributionId;
        eventType = eventType == null ? "" : eventType;
        requestId = requestId == null ? "" : requestId;
    }

    static CfConfig fromJson(Object value) {
        Map<String, Object> map = JsonValues.map(value);
        if (map == null) {
            return EMPTY;
        }
        return new CfConfig(JsonValues.text(map, "distributionDomainName", ""),
                JsonValues.text(map, "distributionId", ""), JsonValues.text(map, "eventType", ""),
                JsonValues.text(map, "requestId", ""));
    }
}
