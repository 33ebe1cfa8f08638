package io.edgeward.passive.parse;

import io.edgeward.passive.record.LogRecord;
import java.nio.charset.StandardCharsets;

/**
 * Reads CloudFront real-time log records (one tab-separated line per Kinesis record, no header) in the configured
 * field order. A record whose field count differs from the configuration is bad: the order cannot be trusted.
 */
public final class RealtimeLogParser {

    private final CloudFrontRecordMapper mapper;
    private final FieldLayout layout;
    private final String headerProblem;

    public RealtimeLogParser(CloudFrontRecordMapper mapper, FieldLayout layout) {
        this.mapper = mapper;
        this.layout = layout;
        this.headerProblem = layout.missingRequired().isEmpty() ? null
                : "the configured real-time fields lack required fields " + layout.missingRequired();
    }

    public LineOutcome parse(byte[] data) {
        String line = new String(data, StandardCharsets.UTF_8);
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return parse(line.substring(0, end));
    }

    public LineOutcome parse(String line) {
        if (headerProblem != null) {
            return new LineOutcome.Invalid(headerProblem);
        }
        if (line.indexOf('\0') >= 0) {
            return new LineOutcome.Invalid("binary content, not a real-time log record");
        }
        String[] fields = Tabs.split(line);
        int count = Tabs.meaningfulCount(fields, layout.size());
        if (count != layout.size()) {
            return new LineOutcome.Invalid("has " + count + " fields, the configured real-time field list has "
                    + layout.size());
        }
        return mapper.map(layout.values(fields), LogRecord.CLOUDFRONT_REALTIME);
    }
}
