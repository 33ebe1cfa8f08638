package io.edgeward.passive;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.edgeward.passive.ingest.DeliveryReport;
import io.edgeward.passive.parse.ParseReport;

/**
 * What became of one log object: {@code processed} with its parse and delivery reports, or {@code ignored} with
 * the reason (a folder marker, an empty or non-log object, one that no longer exists).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectReport(String bucket, String key, String status, String reason, ParseReport parse,
        DeliveryReport delivery) {

    public static ObjectReport ignored(String bucket, String key, String reason) {
        return new ObjectReport(bucket, key, "ignored", reason, null, null);
    }

    public static ObjectReport processed(String bucket, String key, ParseReport parse, DeliveryReport delivery) {
        return new ObjectReport(bucket, key, "processed", null, parse, delivery);
    }

    public boolean isIgnored() {
        return "ignored".equals(status);
    }
}
