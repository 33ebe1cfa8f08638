package io.edgeward.detection.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the shared {@code edgeward-policy.yaml}. Top-level keys: {@code version}, {@code requestRules} and
 * {@code goodBots} (Protector's, accepted and ignored here) and {@code detection}; any other key is rejected.
 * Sections missing from {@code detection} (classification, limits, nat, escalation, budgets, underAttack,
 * blastRadius) take the built-in defaults of the bundled {@value #DEFAULT_RESOURCE} (an empty list disables
 * budgets or under-attack mode); rules are never merged: a rule absent from {@code rules} is disabled.
 */
public final class PolicyLoader {

    public static final String DEFAULT_RESOURCE = "edgeward-policy.yaml";

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private PolicyLoader() {
    }

    record PolicyFile(Integer version, JsonNode requestRules, JsonNode goodBots, Section detection) {
    }

    record Section(Classification classification, LimitSettings limits, NatSettings nat,
                   EscalationSettings escalation, @JsonProperty("rules") Map<String, RuleSettings> rules,
                   java.util.List<Budget> budgets, java.util.List<RouteSurge> underAttack,
                   BlastRadiusSettings blastRadius) {
    }

    /** The bundled default policy. */
    public static DetectionPolicy defaults() {
        try (InputStream in = PolicyLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new PolicyException("bundled " + DEFAULT_RESOURCE + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), null, "bundled " + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DetectionPolicy load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new PolicyException("cannot read policy file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, defaults(), file.toString());
    }

    /** Parses YAML text; {@code fallback} supplies missing sections (null: every section is required). */
    public static DetectionPolicy parse(String yaml, DetectionPolicy fallback, String origin) {
        PolicyFile file;
        try {
            file = YAML.readValue(yaml, PolicyFile.class);
        } catch (JsonProcessingException e) {
            throw new PolicyException("policy " + origin + " is invalid: " + e.getOriginalMessage()
                    + location(e), e);
        }
        if (file == null) {
            throw new PolicyException("policy " + origin + " is empty");
        }
        if (file.version() != null && file.version() != 1) {
            throw new PolicyException("policy " + origin + ": version must be 1, was " + file.version());
        }
        Section s = file.detection();
        if (s == null) {
            if (fallback == null) {
                throw new PolicyException("policy " + origin + " has no detection section");
            }
            return fallback;
        }
        try {
            return DetectionPolicy.validate(
                    s.classification() != null || fallback == null ? s.classification() : fallback.classification(),
                    s.limits() != null || fallback == null ? s.limits() : fallback.limits(),
                    s.nat() != null || fallback == null ? s.nat() : fallback.nat(),
                    s.escalation() != null || fallback == null ? s.escalation() : fallback.escalation(),
                    s.rules(),
                    s.budgets() != null || fallback == null ? s.budgets() : fallback.rawBudgets(),
                    s.underAttack() != null || fallback == null ? s.underAttack() : fallback.underAttack(),
                    s.blastRadius() != null || fallback == null ? s.blastRadius() : fallback.blastRadius());
        } catch (PolicyException e) {
            throw new PolicyException("policy " + origin + ": " + e.getMessage(), e);
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }
}
