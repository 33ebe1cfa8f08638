package io.edgeward.cdk.edgeconfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeward.cdk.config.SettingsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies a built edge bundle (a TeaVM {@code index.js} and whatever sits next to it) into a staging directory and
 * writes {@code edgeward-edge.json} beside it, ready for {@code Code.fromAsset}. The output is byte-for-byte
 * deterministic for the same inputs, so an unchanged deployment keeps its asset hash and its function version.
 */
public final class EdgeBundleStager {

    public static final String CONFIG_FILE = "edgeward-edge.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EdgeBundleStager() {
    }

    /**
     * @param bundleDir  directory with the built {@code index.js}
     * @param setting    the deploy file setting naming {@code bundleDir}, for the error message
     * @param config     the edge configuration to write
     * @param stagingDir directory to (re)create
     * @throws SettingsException when index.js is missing or empty (a failed TeaVM build leaves a 0-byte file)
     */
    public static Path stage(Path bundleDir, String setting, ObjectNode config, Path stagingDir) {
        Path index = bundleDir.resolve("index.js");
        try {
            SettingsException.require(Files.isRegularFile(index) && Files.size(index) > 0,
                    "edge bundle " + index.toAbsolutePath() + (Files.exists(index) ? " is empty (a failed TeaVM build)"
                            : " does not exist") + ": build the bundles first with `./mvnw -pl edge-node -am package"
                            + " -DskipTests` at the repository root, or point " + setting
                            + " at a directory holding index.js");
            deleteRecursively(stagingDir);
            copyTree(bundleDir, stagingDir);
            Files.write(stagingDir.resolve(CONFIG_FILE), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(config));
            return stagingDir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage edge bundle " + bundleDir + " into " + stagingDir, e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(from)) {
            sources = walk.sorted().toList();
        }
        for (Path source : sources) {
            Path target = to.resolve(from.relativize(source).toString());
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else if (!source.getFileName().toString().equals(CONFIG_FILE)) {
                Files.copy(source, target);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
