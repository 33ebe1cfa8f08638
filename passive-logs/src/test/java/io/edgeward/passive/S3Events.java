package io.edgeward.passive;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.util.ArrayList;
import java.util.List;

/** S3 notification events as S3 sends them (keys URL-encoded, as in real notifications). */
final class S3Events {

    private S3Events() {
    }

    record Created(String eventName, String key, long size) {
    }

    static Created created(String key, long size) {
        return new Created("ObjectCreated:Put", key, size);
    }

    static S3Event event(String bucket, Created... objects) {
        List<S3EventNotification.S3EventNotificationRecord> records = new ArrayList<>();
        for (Created object : objects) {
            String encodedKey = java.net.URLEncoder.encode(object.key(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("%2F", "/");
            records.add(new S3EventNotification.S3EventNotificationRecord("us-east-1", object.eventName(),
                    "aws:s3", null, "2.1", null, null,
                    new S3EventNotification.S3Entity("edgeward-logs",
                            new S3EventNotification.S3BucketEntity(bucket, null, "arn:aws:s3:::" + bucket),
                            new S3EventNotification.S3ObjectEntity(encodedKey, object.size(), "etag", null, "seq"),
                            "1.0"),
                    null));
        }
        return new S3Event(records);
    }
}
