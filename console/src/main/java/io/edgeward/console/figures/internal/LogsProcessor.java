package io.edgeward.console.figures.internal;

import io.edgeward.console.figures.Dimension;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns log records into the traffic series, the top values of each log dimension and the explain index. Counts
 * and summaries accumulate in memory ({@link OpenWindows}) and reach their stores once a second of wall-clock time
 * and on close; a crash loses at most that last second of counts (and, as at-least-once processing goes, may count
 * records since the last commit twice). The explain index is written per record ({@link RequestIndex}).
 */
public final class LogsProcessor implements Processor<String, LogLine, Void, Void> {

    public static final Duration FLUSH_EVERY = Duration.ofSeconds(1);

    private final int topCapacity;
    private OpenWindows<TrafficCounts> traffic;
    private OpenWindows<TopValues> minuteTops;
    private OpenWindows<TopValues> quarterTops;
    private RequestIndex requests;

    public LogsProcessor(int topCapacity) {
        this.topCapacity = topCapacity;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        traffic = new OpenWindows<>(context.getStateStore(StoreNames.TRAFFIC), StoreNames.TRAFFIC_KEY,
                StoreNames.MINUTE.toMillis(), 3, TrafficCounts::new);
        minuteTops = new OpenWindows<>(context.getStateStore(StoreNames.TOP_MINUTE), StoreNames.TOP_MINUTE_KEY,
                StoreNames.MINUTE.toMillis(), 3, () -> new TopValues(topCapacity));
        quarterTops = new OpenWindows<>(context.getStateStore(StoreNames.TOP_QUARTER), StoreNames.TOP_QUARTER_KEY,
                StoreNames.QUARTER.toMillis(), 2, () -> new TopValues(topCapacity));
        requests = new RequestIndex(context.getStateStore(StoreNames.REQUESTS_BY_ADDRESS),
                context.getStateStore(StoreNames.REQUESTS_BY_SESSION), context.getStateStore(StoreNames.REQUESTS_BY_ID));
        context.schedule(FLUSH_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> flush());
    }

    @Override
    public void process(Record<String, LogLine> record) {
        LogLine line = record.value();
        if (line == null) {
            return;
        }
        long ts = record.timestamp();
        traffic.update(ts, c -> c.add(line.action(), ts));
        String network = Networks.of(line.clientIp());
        minuteTops.update(ts, t -> offer(t, line, network));
        quarterTops.update(ts, t -> offer(t, line, network));
        requests.add(line, ts);
    }

    private static void offer(TopValues top, LogLine line, String network) {
        top.offer(Dimension.ADDRESS, line.clientIp());
        top.offer(Dimension.NETWORK, network);
        top.offer(Dimension.USER_AGENT, line.userAgent());
        top.offer(Dimension.PATH, line.path());
        top.offer(Dimension.COUNTRY, line.country());
        if (line.reason() != null && !line.reason().isBlank()) {
            top.offer(Dimension.REASON, line.reason());
        }
    }

    private void flush() {
        traffic.flush();
        minuteTops.flush();
        quarterTops.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
