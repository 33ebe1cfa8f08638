package io.edgeward.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeward.cdk.config.DeploySettings;
import io.edgeward.cdk.config.DistributionSettings;
import io.edgeward.cdk.config.EdgeSettings;
import io.edgeward.cdk.config.KafkaSettings;
import io.edgeward.cdk.config.Mode;
import io.edgeward.cdk.config.ServicesSettings;
import io.edgeward.cdk.stacks.EdgeStack;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/**
 * The real TeaVM bundles (edge-node's build output), staged by the synth with the generated edgeward-edge.json, run
 * under Node as Lambda@Edge would call them: the viewer-request function reads the baked configuration, fails open
 * when Protector is unreachable, and mints a session cookie with the configured key. Skipped when the bundles have
 * not been built or node is missing.
 */
class RealEdgeBundleTest {

    @TempDir
    Path dir;

    @Test
    void synthesized_viewer_request_bundle_reads_its_config_and_fails_open_without_protector() throws Exception {
        Path root = TestDeployments.repositoryRoot();
        Path viewerRequest = root.resolve(EdgeSettings.DEFAULT_VIEWER_REQUEST_BUNDLE);
        Path logShipper = root.resolve(EdgeSettings.DEFAULT_LOG_SHIPPER_BUNDLE);
        assumeTrue(nonEmpty(viewerRequest.resolve("index.js")) && nonEmpty(logShipper.resolve("index.js")),
                "edge-node bundles not built");
        assumeTrue(nodeAvailable(), "node not on PATH");

        // A host under .invalid never resolves, so the check fails fast and the edge must fail open.
        EdgeSettings edge = new EdgeSettings("https://protector.invalid", "https://ingest.invalid",
                TestDeployments.keysFile(dir), viewerRequest, logShipper, null, null, null,
                DistributionSettings.inFrontOf("origin.shop.example", Mode.MITIGATE, List.of()));
        DeploySettings settings = new DeploySettings(null, "eu-west-1", null, root,
                new ServicesSettings(null, true, null, null, null, null, null, null),
                KafkaSettings.existing("k:9092"), edge);
        App app = App.Builder.create().outdir(dir.resolve("cdk.out").toString()).build();
        EdgeStack stack = EdgewardApp.compose(app, settings).edge();
        Template.fromStack(stack);

        Path staged = Path.of(app.getAssetOutdir(), "edgeward-staging", "viewer-request");
        String result = invoke(staged, Path.of(System.getProperty("edgeward.testdata"),
                "lambda-edge/events/awsdocs_viewer-request.json"));

        assertThat(result).contains("\"uri\":\"/\"")
                .contains("X-Edgeward-Mark").contains("|allow|none|mitigate|").contains("fail-open")
                .contains("__Host-ew=eyJraWQiOiJrMSIs"); // JWS header {"kid":"k1",…: signed with the baked key
    }

    private static String invoke(Path bundle, Path event) throws IOException, InterruptedException, URISyntaxException {
        Path harness = Path.of(RealEdgeBundleTest.class.getResource("/invoke-handler.js").toURI());
        Process node = new ProcessBuilder("node", harness.toString(), bundle.toAbsolutePath().toString(),
                event.toString()).redirectErrorStream(true).start();
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.exitValue()).as(output).isZero();
        return output;
    }

    private static boolean nonEmpty(Path file) throws IOException {
        return Files.isRegularFile(file) && Files.size(file) > 0;
    }

    private static boolean nodeAvailable() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
