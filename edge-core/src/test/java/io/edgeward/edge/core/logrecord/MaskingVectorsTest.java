package io.edgeward.edge.core.logrecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shared vector, masked with the defaults, gives exactly the expected text and none of its secrets. */
class MaskingVectorsTest {

    private final Masking masking = Masking.of(List.of(), List.of());

    static List<MaskingVectors> vectors() {
        return MaskingVectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector_is_masked_as_expected(MaskingVectors vector) {
        if (vector.query() != null) {
            String masked = masking.maskQuery(vector.query());
            assertThat(masked).isEqualTo(vector.maskedQuery());
            assertThat(masking.maskUrl("https://shop.example/p?" + vector.query() + "#frag"))
                    .isEqualTo("https://shop.example/p?" + vector.maskedQuery() + "#frag");
            for (String secret : vector.secrets()) {
                assertThat(masked).doesNotContain(secret);
            }
        }
        if (vector.body() != null) {
            String masked = masking.maskBody(vector.body(), vector.contentType(), vector.truncated());
            assertThat(masked).isEqualTo(vector.maskedBody());
            for (String secret : vector.secrets()) {
                assertThat(masked).doesNotContain(secret);
            }
        }
    }

    @Test
    void the_vectors_cover_queries_forms_and_json() {
        assertThat(vectors()).anyMatch(v -> v.query() != null)
                .anyMatch(v -> "application/x-www-form-urlencoded".equals(v.contentType()))
                .anyMatch(v -> "application/json".equals(v.contentType()));
    }
}
