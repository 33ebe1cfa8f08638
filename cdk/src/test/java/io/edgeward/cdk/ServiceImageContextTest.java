package io.edgeward.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.cdk.config.ServiceSize;
import io.edgeward.cdk.constructs.EdgewardService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecs.Cluster;

/**
 * The Docker build context CDK stages for a service holds the one Dockerfile and that module's jars, not the sources
 * or another module's jars; the build arguments name the module, its main class and its port.
 */
class ServiceImageContextTest {

    @TempDir
    Path dir;

    @Test
    void image_context_is_the_dockerfile_the_module_jar_and_its_runtime_libraries() throws IOException {
        Path module = dir.resolve("src-root/protector-api");
        TestDeployments.write(dir.resolve("src-root/Dockerfile"), "FROM eclipse-temurin:21-jre\n");
        TestDeployments.write(dir.resolve("src-root/ingest-service/target/ingest-service-0.1.0-SNAPSHOT.jar"), "jar");
        TestDeployments.write(dir.resolve("src-root/ingest-service/target/lib/kafka-clients.jar"), "lib");
        TestDeployments.write(module.resolve("target/protector-api-0.1.0-SNAPSHOT.jar"), "jar");
        TestDeployments.write(module.resolve("target/lib/javalin-6.7.0.jar"), "lib");
        TestDeployments.write(module.resolve("target/classes/io/edgeward/protector/App.class"), "class");
        TestDeployments.write(module.resolve("src/main/java/io/edgeward/protector/App.java"), "source");
        TestDeployments.write(module.resolve("pom.xml"), "<project/>");

        App app = App.Builder.create().outdir(dir.resolve("cdk.out").toString()).build();
        Stack stack = new Stack(app, "Images", StackProps.builder()
                .env(Environment.builder().region("eu-west-1").build()).build());
        Cluster cluster = Cluster.Builder.create(stack, "Cluster")
                .vpc(Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(1).build()).build();
        new EdgewardService(stack, "Protector", cluster, dir.resolve("src-root"), new EdgewardService.Spec(
                "protector-api", "io.edgeward.protector.App", 8081, new ServiceSize(1, 256, 512), Map.of(), Map.of()));

        Path staged;
        try (Stream<Path> assets = Files.list(dir.resolve("cdk.out"))) {
            staged = assets.filter(p -> p.getFileName().toString().startsWith("asset.")).findFirst().orElseThrow();
        }
        List<String> files;
        try (Stream<Path> walk = Files.walk(staged)) {
            files = walk.filter(Files::isRegularFile).map(p -> staged.relativize(p).toString()).sorted().toList();
        }
        assertThat(files).containsExactly("Dockerfile", "protector-api/target/lib/javalin-6.7.0.jar",
                "protector-api/target/protector-api-0.1.0-SNAPSHOT.jar");

        app.synth();
        JsonNode images = new ObjectMapper().readTree(dir.resolve("cdk.out/Images.assets.json").toFile())
                .get("dockerImages");
        assertThat(images).hasSize(1);
        assertThat(images.elements().next().at("/source/dockerBuildArgs")).isEqualTo(new ObjectMapper().readTree(
                "{\"MAIN_CLASS\":\"io.edgeward.protector.App\",\"MODULE\":\"protector-api\",\"PORT\":\"8081\"}"));
    }
}
