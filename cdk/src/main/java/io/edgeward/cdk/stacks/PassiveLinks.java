package io.edgeward.cdk.stacks;

import io.edgeward.cdk.config.PassiveSettings;
import io.edgeward.cdk.constructs.PassiveLogFunctions;
import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.cloudfront.Endpoint;
import software.amazon.awscdk.services.cloudfront.RealtimeLogConfig;
import software.amazon.awscdk.services.iam.FromRoleArnOptions;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.kinesis.Stream;
import software.constructs.Construct;

/**
 * What the edge stack (us-east-1) knows of the passive stack (services region): the settings and the fixed names of
 * the bucket, stream and role. Referring by name keeps the two stacks free of cross-region exports; the app orders
 * the deployments instead (passive before edge).
 */
public record PassiveLinks(PassiveSettings settings, String region, String prefix) {

    /** The real-time log configuration writing to the passive stack's Kinesis stream. */
    RealtimeLogConfig realtimeLogConfig(Construct scope) {
        String streamArn = "arn:" + Aws.PARTITION + ":kinesis:" + region + ":" + Aws.ACCOUNT_ID + ":stream/"
                + PassiveLogFunctions.realtimeStreamName(prefix);
        String roleArn = "arn:" + Aws.PARTITION + ":iam::" + Aws.ACCOUNT_ID + ":role/"
                + PassiveLogFunctions.realtimeRoleName(prefix);
        return RealtimeLogConfig.Builder.create(scope, "PassiveRealtimeLog")
                .realtimeLogConfigName(prefix + "-passive")
                .fields(List.copyOf(settings.realtimeFields()))
                .samplingRate(settings.realtimeSamplingRate())
                .endPoints(List.of(Endpoint.fromKinesisStream(
                        Stream.fromStreamArn(scope, "PassiveRealtimeStream", streamArn),
                        Role.fromRoleArn(scope, "PassiveRealtimeRole", roleArn,
                                FromRoleArnOptions.builder().mutable(false).build()))))
                .build();
    }
}
