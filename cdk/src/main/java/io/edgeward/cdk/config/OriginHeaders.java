package io.edgeward.cdk.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which request headers CloudFront forwards to the origin on protected behaviors.
 *
 * <p>{@link #ALL_VIEWER}: every viewer header (Host included, and the x-edgeward-* marks the viewer-request function
 * adds, which are viewer headers by then) plus the CloudFront viewer country and JA3/JA4 headers. The origin sees
 * what it saw without Edgeward. {@link #EDGEWARD_ONLY}: an explicit allow list of the CloudFront and x-edgeward-*
 * headers plus {@code extraOriginHeaders}, within CloudFront's default quota of 10 headers per policy.
 */
public enum OriginHeaders {
    ALL_VIEWER,
    EDGEWARD_ONLY;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static OriginHeaders parse(String value) {
        return Arrays.stream(values())
                .filter(h -> h.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> new SettingsException(
                        "distribution.originRequestHeaders must be all-viewer or edgeward-only, was " + value));
    }
}
