package io.edgeward.cdk.constructs;

import io.edgeward.cdk.config.PassiveSettings;
import io.edgeward.cdk.config.SettingsException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.kinesis.StreamEncryption;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.lambda.eventsources.KinesisEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.NotificationKeyFilter;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.notifications.LambdaDestination;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The passive Lambdas and what feeds them: the standard log bucket (new, or an existing one by name) with an
 * object-created notification to the S3 Lambda, and optionally the Kinesis stream for real-time logs with the
 * Kinesis Lambda reading it. Failed asynchronous S3 invocations (after Lambda's own retries) and Kinesis batches
 * that exhaust their retries land in one SQS dead-letter queue, so no log file or batch is dropped silently.
 *
 * <p>The ingest key reaches the Lambdas as a CloudFormation dynamic reference to the services' ingest key secret:
 * the template holds no key, but the resolved value is visible in the Lambda's configuration to whoever may read it
 * (passive-logs does not read Secrets Manager itself yet; docs/passive.md "Deploying with CDK").
 */
public final class PassiveLogFunctions extends Construct {

    public static final String S3_HANDLER = "io.edgeward.passive.S3LogHandler::handleRequest";
    public static final String KINESIS_HANDLER = "io.edgeward.passive.KinesisLogHandler::handleRequest";

    private final Queue deadLetters;
    private final IBucket bucket;
    private final Function s3Function;
    private final Stream stream;
    private final Role realtimeRole;
    private final Function kinesisFunction;

    public PassiveLogFunctions(Construct scope, String id, String prefix, PassiveSettings settings, String ingestUrl,
            ISecret ingestKey) {
        super(scope, id);
        SettingsException.require(Files.isRegularFile(settings.lambdaJar()),
                "passive.lambdaJar " + settings.lambdaJar().toAbsolutePath() + " does not exist: build it with"
                        + " `mvn -pl passive-logs -am package -DskipTests` or set passive.lambdaJar");
        this.deadLetters = Queue.Builder.create(this, "DeadLetters")
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("EDGEWARD_INGEST_URL", ingestUrl);
        env.put("EDGEWARD_INGEST_KEY", ingestKey.getSecretValue().unsafeUnwrap());
        env.put("EDGEWARD_BATCH_SIZE", Integer.toString(settings.batchSize()));
        env.put("EDGEWARD_SKIP_EXTENSIONS", String.join(",", settings.skipExtensions()));

        if (settings.standardLogs()) {
            this.bucket = settings.existingBucket()
                    ? Bucket.fromBucketName(this, "LogBucket", settings.logBucketName())
                    : newLogBucket(settings);
            this.s3Function = function("S3Function", S3_HANDLER, env, settings,
                    "CloudFront standard log files from S3 to Edgeward ingest", true);
            bucket.grantRead(s3Function, settings.logPrefix() + "*");
            bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(s3Function),
                    NotificationKeyFilter.builder().prefix(settings.logPrefix()).suffix(".gz").build());
        } else {
            this.bucket = null;
            this.s3Function = null;
        }

        if (settings.realtime()) {
            this.stream = Stream.Builder.create(this, "RealtimeStream")
                    .streamName(realtimeStreamName(prefix))
                    .shardCount(settings.realtimeShards())
                    .retentionPeriod(Duration.hours(24))
                    .encryption(StreamEncryption.MANAGED)
                    .build();
            this.realtimeRole = Role.Builder.create(this, "RealtimeRole")
                    .roleName(realtimeRoleName(prefix))
                    .assumedBy(new ServicePrincipal("cloudfront.amazonaws.com"))
                    .description("CloudFront writes Edgeward real-time logs to Kinesis")
                    .build();
            realtimeRole.addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("kinesis:DescribeStreamSummary", "kinesis:DescribeStream", "kinesis:PutRecord",
                            "kinesis:PutRecords"))
                    .resources(List.of(stream.getStreamArn()))
                    .build());
            stream.grantWrite(realtimeRole);
            Map<String, String> kinesisEnv = new LinkedHashMap<>(env);
            kinesisEnv.put("EDGEWARD_REALTIME_FIELDS", String.join(",", settings.realtimeFields()));
            this.kinesisFunction = function("KinesisFunction", KINESIS_HANDLER, kinesisEnv, settings,
                    "CloudFront real-time logs from Kinesis to Edgeward ingest", false);
            kinesisFunction.addEventSource(KinesisEventSource.Builder.create(stream)
                    .startingPosition(StartingPosition.TRIM_HORIZON)
                    .batchSize(500)
                    .maxBatchingWindow(Duration.seconds(1))
                    .reportBatchItemFailures(true)
                    .bisectBatchOnError(true)
                    .retryAttempts(10)
                    .maxRecordAge(Duration.hours(6))
                    .onFailure(new SqsDlq(deadLetters))
                    .build());
        } else {
            this.stream = null;
            this.realtimeRole = null;
            this.kinesisFunction = null;
        }
    }

    /** Names fixed so the edge stack (us-east-1) can refer to them by ARN without a cross-region reference. */
    public static String realtimeStreamName(String prefix) {
        return prefix + "-cloudfront-realtime";
    }

    public static String realtimeRoleName(String prefix) {
        return prefix + "-cloudfront-realtime-logs";
    }

    private Bucket newLogBucket(PassiveSettings settings) {
        return Bucket.Builder.create(this, "LogBucket")
                .bucketName(settings.logBucketName())
                // CloudFront's standard (legacy) logging writes with an ACL grant to awslogsdelivery.
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .prefix(settings.logPrefix())
                        .expiration(Duration.days(settings.retentionDays()))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    /** @param async invoked asynchronously (by S3): bounded retries, then the dead-letter queue */
    private Function function(String id, String handler, Map<String, String> env, PassiveSettings settings,
            String description, boolean async) {
        Function.Builder builder = Function.Builder.create(this, id)
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(handler)
                .code(Code.fromAsset(settings.lambdaJar().toString()))
                .memorySize(1024)
                .timeout(Duration.minutes(5))
                .environment(env)
                .description(description)
                .logRetention(RetentionDays.ONE_MONTH);
        if (async) {
            // After Lambda's two retries the event goes to the dead-letter queue (object key included), for replay.
            builder.retryAttempts(2).maxEventAge(Duration.hours(6)).onFailure(new SqsDestination(deadLetters));
        }
        return builder.build();
    }

    public Queue deadLetters() {
        return deadLetters;
    }

    public IBucket bucket() {
        return bucket;
    }

    public Function s3Function() {
        return s3Function;
    }

    public Stream stream() {
        return stream;
    }

    public Function kinesisFunction() {
        return kinesisFunction;
    }
}
