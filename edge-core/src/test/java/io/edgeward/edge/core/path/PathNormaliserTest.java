package io.edgeward.edge.core.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeward.edge.core.testing.TestPorts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PathNormaliserTest {

    @ParameterizedTest(name = "{0} -> {1} tricky={2}")
    @MethodSource("vectors")
    void shared_vectors_hold(String raw, String path, boolean tricky) {
        assertEquals(new NormalisedPath(path, tricky), PathNormaliser.normalise(raw));
    }

    @Test
    void every_issue_form_of_a_page_dressed_as_an_asset_resolves_to_the_page_and_is_tricky() {
        for (String raw : List.of("/products/3;.css", "/products/3%3B.css", "/.well-known/../products/3",
                "//products/3", "/products//3")) {
            NormalisedPath normalised = PathNormaliser.normalise(raw);
            assertEquals("/products/3", normalised.path(), raw);
            assertTrue(normalised.tricky(), raw);
        }
    }

    @Test
    void a_dot_name_as_the_last_segment_is_tricky_but_a_dot_directory_is_not() {
        assertTrue(PathNormaliser.normalise("/products/3/.png").tricky());
        assertFalse(PathNormaliser.normalise("/.well-known/change-password").tricky());
    }

    @Test
    void lower_case_applies_only_when_asked() {
        assertEquals("/Products/3", PathNormaliser.normalise("/Products/3").path());
        assertEquals("/products/3", PathNormaliser.normalise("/Products/3", true).path());
    }

    @Test
    void null_is_the_root() {
        assertEquals(new NormalisedPath("/", false), PathNormaliser.normalise(null));
    }

    @Test
    void normalising_twice_changes_nothing() {
        for (Arguments vector : vectors().toList()) {
            String once = PathNormaliser.normalise((String) vector.get()[0]).path();
            assertEquals(once, PathNormaliser.normalise(once).path(), once);
        }
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> vectors() {
        try (InputStream in = PathNormaliserTest.class.getResourceAsStream("/path-vectors.json")) {
            Map<String, Object> file = TestPorts.json().parseObject(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8));
            return ((List<Map<String, Object>>) file.get("vectors")).stream()
                    .map(v -> Arguments.of(v.get("raw"), v.get("path"), v.get("tricky")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
