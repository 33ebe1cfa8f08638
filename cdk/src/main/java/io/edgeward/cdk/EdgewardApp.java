package io.edgeward.cdk;

import io.edgeward.cdk.config.DeploySettings;
import io.edgeward.cdk.config.DeploySettingsReader;
import io.edgeward.cdk.config.SettingsException;
import io.edgeward.cdk.stacks.EdgeStack;
import io.edgeward.cdk.stacks.PassiveLinks;
import io.edgeward.cdk.stacks.PassiveStack;
import io.edgeward.cdk.stacks.ServicesStack;
import java.nio.file.Path;
import software.amazon.awscdk.App;

/**
 * The composition root of the Edgeward CDK app. Reads the deploy file named by the context key
 * {@code edgeward:deployFile} (default {@code edgeward.deploy.json} in the working directory), validates it, and
 * composes:
 * <ul>
 *   <li>{@code <Prefix>Services} in the deploy file's region, always;</li>
 *   <li>{@code <Prefix>Passive} in the services region, with a {@code passive} section (log bucket, stream, the
 *   passive Lambdas);</li>
 *   <li>{@code <Prefix>Edge} in us-east-1, once the deploy file has an {@code edge} section (the services' URLs and
 *   keys are known only after their first deployment: docs/deploy.md).</li>
 * </ul>
 */
public final class EdgewardApp {

    public static final String DEPLOY_FILE_CONTEXT = "edgeward:deployFile";

    /** The stacks of one deployment; {@code edge} is null until the deploy file has an edge section. */
    public record Stacks(ServicesStack services, EdgeStack edge, PassiveStack passive) {
    }

    private EdgewardApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        Object deployFile = app.getNode().tryGetContext(DEPLOY_FILE_CONTEXT);
        try {
            compose(app, DeploySettingsReader.read(Path.of(deployFile == null ? "edgeward.deploy.json" : deployFile.toString())));
        } catch (SettingsException e) {
            System.err.println("edgeward: " + e.getMessage());
            System.exit(2);
        }
        app.synth();
    }

    /** Adds the deployment's stacks to {@code app}; throws {@link SettingsException} on an invalid setting. */
    public static Stacks compose(App app, DeploySettings settings) {
        String stackPrefix = Character.toUpperCase(settings.prefix().charAt(0)) + settings.prefix().substring(1)
                .replace("-", "");
        ServicesStack services = new ServicesStack(app, stackPrefix + "Services", settings);
        PassiveStack passive = settings.passive() == null ? null
                : new PassiveStack(app, stackPrefix + "Passive", settings, services);
        EdgeStack edge = settings.edge() == null ? null
                : new EdgeStack(app, stackPrefix + "Edge", settings.account(), settings.edge(), settings.passive() == null
                        ? null : new PassiveLinks(settings.passive(), settings.region(), settings.prefix()));
        if (edge != null && passive != null) {
            edge.addDependency(passive); // the bucket and the stream must exist before CloudFront writes to them
        }
        return new Stacks(services, edge, passive);
    }
}
