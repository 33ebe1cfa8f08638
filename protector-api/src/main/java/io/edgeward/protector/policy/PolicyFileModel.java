package io.edgeward.protector.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The YAML policy file as written (docs/policy.md). {@code detection} belongs to the detection engine and is
 * accepted unread; any other unknown key, at any level of the sections Protector reads, is an error.
 */
record PolicyFileModel(Integer version, List<RuleModel> requestRules, List<GoodBotModel> goodBots, JsonNode detection) {

    record RuleModel(String name, String action, String reason, MatchModel match) {
    }

    record MatchModel(
            List<String> userAgentContains,
            String userAgentMatches,
            Boolean userAgentMissing,
            List<String> methods,
            Boolean htmlNavigation,
            List<String> missingHeaders,
            List<String> ja4,
            List<String> pathPrefixes) {
    }

    record GoodBotModel(String name, String userAgentPattern, List<String> reverseDnsSuffixes, List<String> cidrs) {
    }
}
