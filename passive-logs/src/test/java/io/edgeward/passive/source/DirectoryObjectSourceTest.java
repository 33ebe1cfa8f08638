package io.edgeward.passive.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryObjectSourceTest {

    @TempDir
    Path dir;

    @Test
    void objects_are_files_under_their_bucket_directory() throws Exception {
        Files.createDirectories(dir.resolve("logs/cf"));
        Files.writeString(dir.resolve("logs/cf/a.log"), "x");

        try (InputStream in = new DirectoryObjectSource(dir).open("logs", "cf/a.log")) {
            assertThat(in.readAllBytes()).containsExactly('x');
        }
    }

    @Test
    void keys_cannot_reach_outside_the_bucket_directory() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "no");
        Files.createDirectories(dir.resolve("logs"));
        DirectoryObjectSource source = new DirectoryObjectSource(dir);

        assertThatThrownBy(() -> source.open("logs", "../secret.txt")).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> source.open("..", "secret.txt")).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> source.open("logs", "missing.gz")).isInstanceOf(NoSuchFileException.class);
    }
}
