package io.edgeward.edge.core.portability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * edge-core is also compiled by TeaVM for Lambda@Edge (DESIGN "Java at the edge"): only java.lang and java.util.
 * This guard fails on the usual slips before the Node build does. {@code java.nio.charset} and
 * {@code java.util.Base64} compile too, but cost each bundle about 20 KB and the cookie path a slow first use:
 * edge-core's {@code text} package does their work.
 */
class TeaVmPortabilityTest {

    private static final String[] FORBIDDEN = {"import java.time", "import java.net", "import java.io",
        "import java.security", "import java.nio", "java.util.Base64", "StandardCharsets", ".getBytes(",
        "import java.util.regex", "import java.util.concurrent", "import java.lang.reflect",
        "import javax.", "import com.", "import org.", ".split(", "String.format(", ".formatted(", "new Thread",
        "CompletableFuture", ".matches(", ".replaceAll(", ".replaceFirst(", "Class.forName"};

    @Test
    void edge_core_main_code_uses_only_what_teavm_compiles() throws IOException {
        List<String> violations = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                scanned++;
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).trim();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                        continue;
                    }
                    for (String forbidden : FORBIDDEN) {
                        if (line.contains(forbidden)) {
                            violations.add(file + ":" + (i + 1) + " uses " + forbidden);
                        }
                    }
                }
            }
        }

        assertThat(scanned).as("source files scanned").isGreaterThan(30);
        assertThat(violations).isEmpty();
    }
}
