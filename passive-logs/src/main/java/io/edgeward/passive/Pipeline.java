package io.edgeward.passive;

import io.edgeward.edge.core.logrecord.Masking;
import io.edgeward.passive.ingest.BatchSender;
import io.edgeward.passive.ingest.IngestClient;
import io.edgeward.passive.parse.ApacheLogParser;
import io.edgeward.passive.parse.CloudFrontRecordMapper;
import io.edgeward.passive.parse.FieldLayout;
import io.edgeward.passive.parse.RealtimeLogParser;
import io.edgeward.passive.parse.StandardLogParser;
import io.edgeward.passive.parse.StaticExtensions;

/** The parts built once per Lambda instance (or CLI run) from the configuration. */
final class Pipeline {

    final PassiveConfig config;
    final StandardLogParser standard;
    final RealtimeLogParser realtime;
    final ApacheLogParser apache;
    final StaticExtensions statics;
    final IngestClient ingest;

    Pipeline(PassiveConfig config) {
        if (config.ingestKey() == null) {
            // Reading the key from Secrets Manager is planned; until then the deployment must pass the key itself.
            throw new IllegalArgumentException("EDGEWARD_INGEST_KEY_SECRET_ARN is set (" + config.ingestKeySecretArn()
                    + ") but resolving the ingest key from Secrets Manager is not implemented yet;"
                    + " set EDGEWARD_INGEST_KEY instead");
        }
        this.config = config;
        Masking masker = Masking.of(config.maskQueryParams(), config.unmaskDefaults());
        CloudFrontRecordMapper mapper = new CloudFrontRecordMapper(masker);
        this.statics = new StaticExtensions(config.skipExtensions());
        this.standard = new StandardLogParser(mapper, statics);
        this.realtime = new RealtimeLogParser(mapper, FieldLayout.of(config.realtimeFields()));
        this.apache = new ApacheLogParser(masker, statics);
        this.ingest = new IngestClient(config.ingestUrl(), config.ingestKey(), config.ingestTimeout(),
                config.maxAttempts(), config.retryBaseDelay(), config.retryMaxDelay());
    }

    BatchSender sender() {
        return new BatchSender(ingest, config.batchSize());
    }
}
