package io.edgeward.protector.policy;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyLoaderTest {

    private static Policy parse(String yaml) {
        return PolicyLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    @Test
    void the_shipped_default_policy_loads() {
        Policy policy = PolicyLoader.loadDefault();
        assertThat(policy.requestRules().rules()).extracting(r -> r.name())
                .contains("automation-user-agent", "html-navigation-without-accept-language");
        assertThat(policy.goodBots()).extracting(b -> b.name()).contains("googlebot", "bingbot");
    }

    @Test
    void the_shipped_default_is_the_whole_shared_file_including_detection() throws Exception {
        // detection-engine ships a file of the same name; on a shared class path either may be found first,
        // so both copies must be the complete policy (they are byte-identical).
        try (var in = PolicyLoader.class.getClassLoader().getResourceAsStream(PolicyLoader.DEFAULT_RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains("\nrequestRules:").contains("\ngoodBots:").contains("\ndetection:");
        }
    }

    @Test
    void the_detection_section_is_accepted_and_ignored() {
        Policy policy = parse("""
                version: 1
                detection:
                  rules:
                    - name: scraping.no-assets
                      anything: [goes, here]
                requestRules: []
                """);
        assertThat(policy.requestRules().rules()).isEmpty();
    }

    @Test
    void an_unknown_top_level_key_is_rejected_by_name() {
        assertThatThrownBy(() -> parse("version: 1\nrequestRule: []\n"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("test.yaml").hasMessageContaining("unknown key 'requestRule'");
    }

    @Test
    void an_unknown_condition_is_rejected() {
        assertThatThrownBy(() -> parse("""
                version: 1
                requestRules:
                  - name: r
                    action: challenge
                    match: {userAgentContain: [curl]}
                """)).hasMessageContaining("unknown key 'userAgentContain'");
    }

    @Test
    void an_unsupported_version_is_rejected() {
        assertThatThrownBy(() -> parse("version: 2\n")).hasMessageContaining("version must be 1, was 2");
    }

    @Test
    void a_rule_with_an_unknown_action_is_rejected_with_the_value() {
        assertThatThrownBy(() -> parse("""
                version: 1
                requestRules:
                  - {name: r, action: deny, match: {userAgentContains: [curl]}}
                """)).hasMessageContaining("requestRules[0].action").hasMessageContaining("'deny'");
    }

    @Test
    void a_rule_without_conditions_is_rejected() {
        assertThatThrownBy(() -> parse("""
                version: 1
                requestRules:
                  - {name: r, action: block, match: {}}
                """)).hasMessageContaining("requestRules[0].match has no condition");
    }

    @Test
    void a_bad_regex_or_cidr_in_a_good_bot_is_rejected() {
        assertThatThrownBy(() -> parse("""
                version: 1
                goodBots:
                  - {name: b, userAgentPattern: "Bot(", cidrs: ["10.0.0.0/8"]}
                """)).hasMessageContaining("goodBots[0].userAgentPattern is not a valid regular expression");
        assertThatThrownBy(() -> parse("""
                version: 1
                goodBots:
                  - {name: b, userAgentPattern: "Bot", cidrs: ["10.0.0.0/40"]}
                """)).hasMessageContaining("goodBots[0].cidrs").hasMessageContaining("10.0.0.0/40");
    }

    @Test
    void a_good_bot_that_nothing_could_verify_is_rejected() {
        assertThatThrownBy(() -> parse("""
                version: 1
                goodBots:
                  - {name: b, userAgentPattern: "Bot"}
                """)).hasMessageContaining("needs reverseDnsSuffixes or cidrs");
    }
}
