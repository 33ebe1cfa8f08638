package io.edgeward.ingest.kafka;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Whether Kafka answers now: the readiness probe asks the cluster for its brokers, with a short timeout. */
public final class KafkaReadiness {

    private final Admin admin;
    private final Duration timeout;

    public KafkaReadiness(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    public boolean reachable() {
        try {
            int ms = (int) timeout.toMillis();
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(ms))
                    .nodes().get(ms, TimeUnit.MILLISECONDS).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
