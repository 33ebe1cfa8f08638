package io.edgeward.edge.core.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class SensorScriptTest {

    @Test
    void the_embedded_script_is_the_readable_source() throws Exception {
        String source = Files.readString(Path.of("src/main/js/sensor.js"), StandardCharsets.UTF_8);

        assertThat(SensorScript.SOURCE)
                .as("SensorScript.java is stale: run python3 edge-core/src/main/js/embed.py")
                .isEqualTo(source.stripTrailing());
    }

    @Test
    void the_script_a_visitor_downloads_stays_under_five_kilobytes_gzipped() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write((SensorScript.SOURCE + "({\"n\":\"" + "x".repeat(220) + "\",\"d\":3000,\"u\":\"/.edgeward/signals\""
                    + ",\"v\":\"" + SensorScript.VERSION + "\"});").getBytes(StandardCharsets.UTF_8));
        }

        assertThat(zipped.size()).isLessThanOrEqualTo(5 * 1024);
    }

    @Test
    void the_version_names_the_script_text() {
        assertThat(SensorScript.VERSION).hasSize(8).isEqualTo(SensorScript.version(SensorScript.SOURCE));
        assertThat(SensorScript.version(SensorScript.SOURCE + " ")).isNotEqualTo(SensorScript.VERSION);
    }
}
