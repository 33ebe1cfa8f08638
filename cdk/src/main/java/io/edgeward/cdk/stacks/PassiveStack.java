package io.edgeward.cdk.stacks;

import io.edgeward.cdk.config.DeploySettings;
import io.edgeward.cdk.config.PassiveSettings;
import io.edgeward.cdk.constructs.PassiveLogFunctions;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * Passive mode's regional half, in the services region next to ingest and its key secret: the standard log bucket
 * and its Lambda, and the real-time log stream and its Lambda. The CloudFront side (logging on the distribution, the
 * real-time log configuration) is in the edge stack, which refers to the bucket and stream by their fixed names.
 */
public final class PassiveStack extends Stack {

    private final PassiveLogFunctions functions;

    public PassiveStack(Construct scope, String id, DeploySettings settings, ServicesStack services) {
        super(scope, id, StackProps.builder()
                .env(Environment.builder().account(settings.account()).region(settings.region()).build())
                .description("Edgeward passive mode: CloudFront logs from S3 and Kinesis to ingest")
                .build());
        PassiveSettings passive = settings.passive();
        String ingestUrl = passive.ingestUrl() != null ? passive.ingestUrl() : services.apiUrl();
        this.functions = new PassiveLogFunctions(this, "Logs", settings.prefix(), passive, ingestUrl,
                services.secrets().ingestKey());
        addDependency(services);
        CfnOutput.Builder.create(this, "DeadLetterQueueUrl").value(functions.deadLetters().getQueueUrl())
                .description("S3 events and Kinesis batches the passive Lambdas could not deliver").build();
        if (functions.bucket() != null) {
            CfnOutput.Builder.create(this, "LogBucketName").value(functions.bucket().getBucketName())
                    .description("CloudFront standard logs go here, under " + passive.logPrefix()).build();
        }
        if (functions.stream() != null) {
            CfnOutput.Builder.create(this, "RealtimeStreamArn").value(functions.stream().getStreamArn())
                    .description("Kinesis stream of the CloudFront real-time log configuration").build();
        }
    }

    public PassiveLogFunctions functions() {
        return functions;
    }
}
