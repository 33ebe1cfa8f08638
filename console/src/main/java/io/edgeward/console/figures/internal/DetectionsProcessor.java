package io.edgeward.console.figures.internal;

import io.edgeward.detection.topics.Detection;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Keeps a day of detections, newest first by time and by scope value (for explain), and counts rule firings per
 * minute. Detections are rare next to requests, so each one is written at once; the counts follow the log figures'
 * once-a-second flush.
 */
public final class DetectionsProcessor implements Processor<String, Detection, Void, Void> {

    private WindowStore<String, Detection> recent;
    private WindowStore<String, Detection> byValue;
    private OpenWindows<RuleCounts> rules;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        recent = context.getStateStore(StoreNames.DETECTIONS_RECENT);
        byValue = context.getStateStore(StoreNames.DETECTIONS_BY_VALUE);
        rules = new OpenWindows<>(context.getStateStore(StoreNames.RULES), StoreNames.RULES_KEY,
                StoreNames.MINUTE.toMillis(), 3, RuleCounts::new);
        context.schedule(LogsProcessor.FLUSH_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> rules.flush());
    }

    @Override
    public void process(Record<String, Detection> record) {
        Detection d = record.value();
        if (d == null) {
            return;
        }
        long ts = record.timestamp();
        recent.put(StoreNames.DETECTIONS_KEY, d, ts);
        byValue.put(Networks.detectionKey(d.scope(), d.value()), d, ts);
        rules.update(ts, r -> r.add(d.rule(), d.id() != null));
    }

    @Override
    public void close() {
        rules.flush();
    }
}
