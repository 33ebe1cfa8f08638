package io.edgeward.detection.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {

    private static final String RULE = "detection:\n  rules:\n    scalping.cart-add: "
            + "{window: PT1M, threshold: %d, action: challenge, duration: PT15M}\n";

    @TempDir
    Path dir;

    @Test
    void bundled_default_enables_every_rule() {
        DetectionPolicy policy = PolicyLoader.defaults();

        assertThat(policy.rules()).containsOnlyKeys(java.util.Arrays.stream(RuleName.values())
                .filter(RuleName::configurable).toList());
        assertThat(policy.budgets()).isNotEmpty();
        assertThat(policy.underAttack()).isNotEmpty();
        assertThat(policy.retention()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void protector_sections_are_accepted_and_ignored() {
        DetectionPolicy policy = PolicyLoader.parse("version: 1\nrequestRules:\n  - name: x\n    action: challenge\n"
                + "goodBots:\n  - name: googlebot\n" + String.format(RULE, 7), PolicyLoader.defaults(), "test");

        assertThat(policy.rule(RuleName.SCALPING_CART).threshold()).isEqualTo(7);
        assertThat(policy.rule(RuleName.SCRAPING_NO_ASSETS)).as("absent rules are disabled").isNull();
        assertThat(policy.classification().loginPaths()).as("missing sections default").contains("/login");
    }

    @Test
    void unknown_top_level_key_is_rejected() {
        assertThatThrownBy(() -> PolicyLoader.parse("version: 1\ndetectoin: {}\n", null, "test"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("detectoin");
    }

    @Test
    void unknown_rule_is_rejected_with_the_known_ones() {
        assertThatThrownBy(() -> PolicyLoader.parse("detection:\n  rules:\n    scraping.fast: "
                + "{window: PT1M, threshold: 1, action: block, duration: PT1M}\n", PolicyLoader.defaults(), "test"))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("detection.rules.scraping.fast is not a known rule")
                .hasMessageContaining("scraping.no-assets");
    }

    @Test
    void bad_values_are_named_with_the_value() {
        assertThatThrownBy(() -> PolicyLoader.parse(String.format(RULE, 0), PolicyLoader.defaults(), "test"))
                .hasMessageContaining("detection.rules.scalping.cart-add.threshold must be > 0, was 0");
        assertThatThrownBy(() -> PolicyLoader.parse(RULE.formatted(3).replace("PT1M", "PT0S"),
                PolicyLoader.defaults(), "test"))
                .hasMessageContaining("detection.rules.scalping.cart-add.window must be > 0, was PT0S");
        assertThatThrownBy(() -> PolicyLoader.parse(RULE.formatted(3).replace("challenge", "ban"),
                PolicyLoader.defaults(), "test"))
                .hasMessageContaining("action must be one of monitor, challenge, block, was ban");
    }

    @Test
    void budgets_and_surges_with_bad_values_are_named_with_the_value() {
        String budget = "detection:\n  budgets:\n    - {route: \"%s\", per: %s, limit: 10, window: PT1M,"
                + " action: challenge, duration: PT15M}\n";
        assertThatThrownBy(() -> PolicyLoader.parse(String.format(budget, "/api/", "session"),
                PolicyLoader.defaults(), "t")).isInstanceOf(PolicyException.class)
                .hasMessageContaining("detection.budgets[0].route").hasMessageContaining("/api/");
        assertThatThrownBy(() -> PolicyLoader.parse(String.format(budget, "* /api/", "household"),
                PolicyLoader.defaults(), "t")).isInstanceOf(PolicyException.class)
                .hasMessageContaining("detection.budgets[0].per").hasMessageContaining("household");
        assertThatThrownBy(() -> PolicyLoader.parse("detection:\n  underAttack:\n    - {route: \"POST /login\","
                + " threshold: 5000, window: PT1M, duration: PT10M}\n", PolicyLoader.defaults(), "t"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("signalsPerKey").hasMessageContaining("5000");
        assertThatThrownBy(() -> PolicyLoader.parse("detection:\n  rules:\n    rate.route: {window: PT1M,"
                + " threshold: 1, action: challenge, duration: PT1M}\n", PolicyLoader.defaults(), "t"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("not a known rule");
    }

    @Test
    void a_file_without_budgets_keeps_the_bundled_ones_and_an_empty_list_disables_them() {
        DetectionPolicy inherited = PolicyLoader.parse(String.format(RULE, 7), PolicyLoader.defaults(), "t");
        DetectionPolicy none = PolicyLoader.parse("detection:\n  budgets: []\n  underAttack: []\n"
                + String.format(RULE, 7).substring("detection:\n".length()), PolicyLoader.defaults(), "t");

        assertThat(inherited.budgets()).isEqualTo(PolicyLoader.defaults().budgets());
        assertThat(none.budgets()).isEmpty();
        assertThat(none.underAttack()).isEmpty();
    }

    @Test
    void a_setting_the_rule_does_not_take_is_rejected() {
        assertThatThrownBy(() -> PolicyLoader.parse(RULE.formatted(3).replace("threshold", "ratio: 0.5, threshold"),
                PolicyLoader.defaults(), "test"))
                .hasMessageContaining("detection.rules.scalping.cart-add.ratio is not a setting of rule");
    }

    @Test
    void reload_applies_a_changed_file_and_keeps_the_old_policy_when_the_new_one_is_bad() throws Exception {
        Path file = dir.resolve("edgeward-policy.yaml");
        Files.writeString(file, String.format(RULE, 10));
        ReloadingPolicy policy = new ReloadingPolicy(file);
        assertThat(policy.reloadIfChanged()).as("unchanged").isFalse();

        Files.writeString(file, String.format(RULE, 4));
        assertThat(policy.reloadIfChanged()).isTrue();
        assertThat(policy.get().rule(RuleName.SCALPING_CART).threshold()).isEqualTo(4);

        Files.writeString(file, String.format(RULE, -1));
        assertThat(policy.reloadIfChanged()).isFalse();
        assertThat(policy.get().rule(RuleName.SCALPING_CART).threshold()).isEqualTo(4);
    }
}
