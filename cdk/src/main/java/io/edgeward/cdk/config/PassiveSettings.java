package io.edgeward.cdk.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Passive mode's AWS side (docs/passive.md "Deploying with CDK"): CloudFront standard logs delivered to an S3 bucket,
 * whose object-created notifications invoke the passive-logs S3 Lambda, and optionally CloudFront real-time logs
 * through a Kinesis stream read by the passive-logs Kinesis Lambda. Both Lambdas post to ingest.
 *
 * @param logBucketName        bucket for the standard logs (S3 names are global: choose one), required with
 *                             standardLogs
 * @param existingBucket       true: the bucket exists already (an existing distribution's log bucket): it is imported
 *                             by name and only the notification is added; the distribution's logging is yours
 * @param logPrefix            log file prefix in the bucket, also the notification's prefix filter (default
 *                             {@code cloudfront/})
 * @param standardLogs         deliver and read standard logs (default true)
 * @param realtime             real-time logs through Kinesis for the behaviors in passive mode (default false)
 * @param realtimeShards       Kinesis shards (default 1; one shard takes 1,000 records/s)
 * @param realtimeSamplingRate percentage of requests CloudFront sends to the real-time log, 1–100 (default 100)
 * @param realtimeFields       real-time log fields; default {@link #DEFAULT_REALTIME_FIELDS}; the Lambda is told the
 *                             same list
 * @param ingestUrl            base URL of ingest as the Lambdas reach it; default the services' load balancer URL
 *                             (with HTTPS, set your custom domain: the certificate does not name the load balancer)
 * @param lambdaJar            the passive-logs shaded jar (default
 *                             {@code <sourceRoot>/passive-logs/target/passive-logs-0.1.0-SNAPSHOT-lambda.jar})
 * @param batchSize            records per ingest request (default 500)
 * @param skipExtensions       static extensions not forwarded (default none: asset loads are a signal)
 * @param retentionDays        days the log files are kept in a bucket Edgeward creates (default 30)
 */
public record PassiveSettings(
        String logBucketName,
        boolean existingBucket,
        String logPrefix,
        Boolean standardLogs,
        Boolean realtime,
        Integer realtimeShards,
        Integer realtimeSamplingRate,
        List<String> realtimeFields,
        String ingestUrl,
        Path lambdaJar,
        Integer batchSize,
        List<String> skipExtensions,
        Integer retentionDays) {

    /** What the passive Lambda maps to a log record, in CloudFront's canonical order (cookies left out). */
    public static final List<String> DEFAULT_REALTIME_FIELDS = List.of("timestamp", "c-ip", "sc-status", "sc-bytes",
            "cs-method", "cs-protocol", "cs-host", "cs-uri-stem", "x-edge-location", "x-edge-request-id",
            "x-host-header", "time-taken", "cs-user-agent", "cs-referer", "cs-uri-query", "sc-content-type",
            "c-country", "cs-accept", "cs-headers", "asn");

    public static final Path DEFAULT_LAMBDA_JAR = Path.of("passive-logs/target/passive-logs-0.1.0-SNAPSHOT-lambda.jar");

    public PassiveSettings {
        logPrefix = logPrefix == null ? "cloudfront/" : logPrefix;
        standardLogs = standardLogs == null ? Boolean.TRUE : standardLogs;
        realtime = realtime == null ? Boolean.FALSE : realtime;
        realtimeShards = realtimeShards == null ? 1 : realtimeShards;
        realtimeSamplingRate = realtimeSamplingRate == null ? 100 : realtimeSamplingRate;
        realtimeFields = realtimeFields == null ? DEFAULT_REALTIME_FIELDS : List.copyOf(realtimeFields);
        batchSize = batchSize == null ? 500 : batchSize;
        skipExtensions = skipExtensions == null ? List.of() : List.copyOf(skipExtensions);
        retentionDays = retentionDays == null ? 30 : retentionDays;
        SettingsException.require(standardLogs || realtime,
                "passive: standardLogs and realtime are both false, so nothing would be read");
        SettingsException.require(!standardLogs || (logBucketName != null
                        && logBucketName.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")),
                "passive.logBucketName must be an S3 bucket name (3-63 lowercase letters, digits, '.', '-'), was "
                        + logBucketName);
        SettingsException.require(!logPrefix.startsWith("/") && !logPrefix.contains(".."),
                "passive.logPrefix must be a key prefix like cloudfront/, was " + logPrefix);
        SettingsException.require(realtimeShards >= 1 && realtimeShards <= 100,
                "passive.realtimeShards must be between 1 and 100, was " + realtimeShards);
        SettingsException.require(realtimeSamplingRate >= 1 && realtimeSamplingRate <= 100,
                "passive.realtimeSamplingRate must be between 1 and 100, was " + realtimeSamplingRate);
        SettingsException.require(!realtimeFields.isEmpty() && realtimeFields.contains("timestamp")
                        && realtimeFields.contains("c-ip"),
                "passive.realtimeFields must include timestamp and c-ip, was " + realtimeFields);
        SettingsException.require(batchSize >= 1 && batchSize <= 10_000,
                "passive.batchSize must be between 1 and 10000, was " + batchSize);
        SettingsException.require(retentionDays >= 1, "passive.retentionDays must be >= 1, was " + retentionDays);
        if (ingestUrl != null) {
            URI uri = URI.create(ingestUrl);
            SettingsException.require(uri.getHost() != null && ("https".equals(uri.getScheme())
                            || "http".equals(uri.getScheme())) && uri.getUserInfo() == null && uri.getQuery() == null,
                    "passive.ingestUrl must be an http(s) URL without credentials or query, was " + ingestUrl);
        }
    }

    /** Standard logs into a new bucket, defaults otherwise. */
    public static PassiveSettings standardLogsTo(String bucketName) {
        return new PassiveSettings(bucketName, false, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A copy with the jar path resolved (default from the repository's build output). */
    PassiveSettings resolvedAgainst(Path base, Path sourceRoot) {
        Path jar = lambdaJar == null ? sourceRoot.resolve(DEFAULT_LAMBDA_JAR) : base.resolve(lambdaJar);
        return new PassiveSettings(logBucketName, existingBucket, logPrefix, standardLogs, realtime, realtimeShards,
                realtimeSamplingRate, realtimeFields, ingestUrl, jar.normalize(), batchSize, skipExtensions,
                retentionDays);
    }
}
