package io.edgeward.edge.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JacksonJsonCodecTest {

    private final JacksonJsonCodec json = new JacksonJsonCodec();

    @Test
    void objects_become_maps_and_lists() {
        Map<String, Object> value = json.parseObject("{\"a\":[1,\"x\",true,null],\"b\":{\"c\":2.5}}");

        assertThat(value.get("a")).isEqualTo(java.util.Arrays.asList(1, "x", true, null));
        assertThat(value.get("b")).isEqualTo(Map.of("c", 2.5));
        assertThat(json.write(Map.of("k", List.of(1)))).isEqualTo("{\"k\":[1]}");
    }

    @Test
    void anything_but_an_object_is_an_illegal_argument() {
        for (String bad : new String[] {"", "null", "[]", "\"s\"", "{", "{\"a\":}", "1"}) {
            assertThatThrownBy(() -> json.parseObject(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> json.parseObject(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
