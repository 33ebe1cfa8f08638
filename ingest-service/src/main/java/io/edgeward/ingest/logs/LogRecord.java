package io.edgeward.ingest.logs;

/**
 * A validated log record ready for Kafka.
 *
 * @param clientIp  the Kafka key
 * @param timestamp the request's time in epoch milliseconds: the Kafka record timestamp
 * @param value     the record's JSON, compact UTF-8
 */
public record LogRecord(String clientIp, long timestamp, byte[] value) {
}
