package io.edgeward.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvReaderTest {

    private static EnvReader env(String... pairs) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return EnvReader.of(env);
    }

    @Test
    void unset_or_blank_values_fall_back() {
        EnvReader env = env("BLANK", " ");
        assertThat(env.integer("UNSET", 7)).isEqualTo(7);
        assertThat(env.integer("BLANK", 7)).isEqualTo(7);
        assertThat(env.longInteger("BLANK", 7L)).isEqualTo(7L);
        assertThat(env.bool("BLANK", true)).isTrue();
        assertThat(env.duration("BLANK", Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(env.optional("BLANK")).isEmpty();
    }

    @Test
    void values_are_stripped_before_parsing() {
        EnvReader env = env("N", " 42 ", "L", "8589934592", "B", " TRUE", "D", "PT2S ");
        assertThat(env.integer("N", 0)).isEqualTo(42);
        assertThat(env.longInteger("L", 0)).isEqualTo(8_589_934_592L);
        assertThat(env.bool("B", false)).isTrue();
        assertThat(env.duration("D", Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void optional_values_are_given_as_set() {
        assertThat(env("SECRET", " padded ").optional("SECRET")).contains(" padded ");
    }

    @Test
    void a_bad_value_is_named_and_quoted() {
        EnvReader env = env("N", " ten", "B", "yes", "D", "5s");
        assertThatThrownBy(() -> env.integer("N", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("N must be an integer, was ' ten'");
        assertThatThrownBy(() -> env.longInteger("N", 0)).hasMessage("N must be an integer, was ' ten'");
        assertThatThrownBy(() -> env.bool("B", false)).hasMessage("B must be true or false, was 'yes'");
        assertThatThrownBy(() -> env.duration("D", Duration.ZERO))
                .hasMessage("D must be an ISO-8601 duration like PT60S, was '5s'");
    }

    @Test
    void a_service_may_keep_bare_values_and_its_own_duration_example() {
        EnvReader env = env("N", " ten", "D", "5s").withBareValues().withDurationExample("such as PT30S");
        assertThatThrownBy(() -> env.integer("N", 0)).hasMessage("N must be an integer, was ten");
        assertThatThrownBy(() -> env.duration("D", Duration.ZERO))
                .hasMessage("D must be an ISO-8601 duration such as PT30S, was 5s");
    }

    @Test
    void a_list_is_split_on_commas_and_a_blank_one_is_empty() {
        EnvReader env = env("L", " a, ,b ,", "EMPTY", "");
        assertThat(env.list("L", List.of("x"))).containsExactly("a", "b");
        assertThat(env.list("EMPTY", List.of("x"))).isEmpty();
        assertThat(env.list("UNSET", List.of("x"))).containsExactly("x");
    }

    @Test
    void unknown_names_under_a_prefix_are_listed_in_order() {
        EnvReader env = env("APP_PORT", "1", "APP_PROT", "2", "PATH", "/bin", "APP_BNID", "3");
        assertThat(env.unknownNames("APP_", Set.of("APP_PORT"))).containsExactly("APP_PROT", "APP_BNID");
    }
}
