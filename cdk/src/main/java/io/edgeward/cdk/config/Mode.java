package io.edgeward.cdk.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Integration mode of a CloudFront behavior (DESIGN "Integration modes"). */
public enum Mode {
    /** Enforce block and challenge. */
    MITIGATE,
    /** Never block; pass the decision to the origin as x-edgeward-* request headers. */
    INJECT,
    /** Never touch the request; log only. */
    MONITOR,
    /** No edge functions; CloudFront logs feed ingest instead. */
    PASSIVE,
    /**
     * No edge functions; the behavior's origin is an origin group whose primary is the inspecting origin
     * (inline-inspector) and whose fallback is the application origin (docs/inline.md).
     */
    INLINE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether behaviors in this mode carry the Edgeward edge functions. */
    public boolean hasEdgeFunctions() {
        return this != PASSIVE && this != INLINE;
    }

    @JsonCreator
    public static Mode parse(String value) {
        return Arrays.stream(values())
                .filter(mode -> mode.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> new SettingsException(
                        "mode must be one of mitigate, inject, monitor, passive, inline, was " + value));
    }
}
