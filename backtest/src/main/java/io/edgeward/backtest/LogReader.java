package io.edgeward.backtest;

import io.edgeward.edge.core.logrecord.Masking;
import io.edgeward.passive.parse.ApacheLogParser;
import io.edgeward.passive.parse.BadLine;
import io.edgeward.passive.parse.CloudFrontRecordMapper;
import io.edgeward.passive.parse.FieldLayout;
import io.edgeward.passive.parse.LineOutcome;
import io.edgeward.passive.parse.LogContent;
import io.edgeward.passive.parse.NotALogFile;
import io.edgeward.passive.parse.ParseReport;
import io.edgeward.passive.parse.RealtimeLogParser;
import io.edgeward.passive.parse.StandardLogParser;
import io.edgeward.passive.parse.StaticExtensions;
import io.edgeward.passive.record.LogRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one log file with the passive path's parsers (the same records passive mode would send) and hands each
 * record, with its session id when a session field is named, to a consumer in file order. Nothing is skipped for
 * its extension: detection needs the assets to judge pages.
 */
final class LogReader {

    /** One record and the session the line names (null without one). */
    record Read(LogRecord record, String sessionId) {
    }

    interface Consumer {
        void accept(Read read);
    }

    /** What reading gave: records, bad lines (the first {@value #LISTED} listed with their line) and a file error. */
    record Outcome(long records, long bad, List<BadLine> badLines, String fileError) {
    }

    static final int LISTED = 20;

    private final CloudFrontRecordMapper mapper = new CloudFrontRecordMapper(Masking.of(List.of(), List.of()));
    private final StaticExtensions noSkipping = new StaticExtensions(List.of());
    private final List<String> realtimeFields;
    private final SessionField sessionField;

    LogReader(List<String> realtimeFields, SessionField sessionField) {
        this.realtimeFields = realtimeFields;
        this.sessionField = sessionField;
    }

    Outcome read(InputStream in, String name, LogFormat format, Consumer out) throws IOException, NotALogFile {
        return switch (format) {
            case cloudfront -> cloudfront(in, out);
            case realtime -> lines(in, name, out, false);
            case apache -> lines(in, name, out, true);
        };
    }

    private Outcome cloudfront(InputStream in, Consumer out) throws NotALogFile {
        if (sessionField != null) {
            throw new IllegalArgumentException("--session-field reads access logs; CloudFront logs carry no session"
                    + " field the parser copies (cookies are never read)");
        }
        long[] records = {0};
        ParseReport report = new StandardLogParser(mapper, noSkipping).parse(in, record -> {
            records[0]++;
            out.accept(new Read(record, null));
        });
        return new Outcome(records[0], report.bad(), report.badLines(), report.fileError());
    }

    private Outcome lines(InputStream in, String name, Consumer out, boolean access) throws IOException, NotALogFile {
        if (!access && realtimeFields.isEmpty()) {
            throw new IllegalArgumentException("--format realtime needs --realtime-fields: the field names in the"
                    + " order the real-time log configuration lists them");
        }
        if (!access && sessionField != null) {
            throw new IllegalArgumentException("--session-field reads access logs, not real-time logs");
        }
        ApacheLogParser apache = new ApacheLogParser(Masking.of(List.of(), List.of()), noSkipping);
        RealtimeLogParser realtime = access ? null : new RealtimeLogParser(mapper, FieldLayout.of(realtimeFields));
        long records = 0;
        long bad = 0;
        List<BadLine> listed = new ArrayList<>();
        long line = 0;
        String fileError = null;
        try {
            BufferedReader reader = LogContent.open(in).reader();
            String text;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                LineOutcome outcome = access
                        ? apache.parseLine(sessionField == null ? text : SessionField.combinedPart(text), name, line)
                        : realtime.parse(text);
                if (outcome instanceof LineOutcome.Parsed parsed) {
                    records++;
                    out.accept(new Read(parsed.record(), sessionField == null ? null : sessionField.extract(text)));
                } else if (outcome instanceof LineOutcome.Invalid invalid) {
                    bad++;
                    if (listed.size() < LISTED) {
                        listed.add(new BadLine("line " + line, invalid.reason()));
                    }
                }
            }
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            fileError = "reading stopped after line " + line + ", the rest of the file is lost: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return new Outcome(records, bad, listed, fileError);
    }
}
