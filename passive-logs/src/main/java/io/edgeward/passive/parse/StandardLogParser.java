package io.edgeward.passive.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.passive.record.LogRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a CloudFront standard log file, legacy or v2: gzip or plain, W3C/TSV with its {@code #Fields} header
 * deciding the columns (no header: the legacy 24, 26 or 33-field order chosen by field count), or v2 JSON
 * (NDJSON or concatenated objects). Every line ends as a record, a static skip, or a listed bad line; reading
 * stops early only when the file itself breaks (truncated gzip, invalid JSON), which the report says.
 */
public final class StandardLogParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudFrontRecordMapper mapper;
    private final StaticExtensions statics;

    public StandardLogParser(CloudFrontRecordMapper mapper, StaticExtensions statics) {
        this.mapper = mapper;
        this.statics = statics;
    }

    public ParseReport parse(InputStream raw, RecordSink sink) throws NotALogFile {
        LineCounter counter = new LineCounter(statics, sink, new ParseTally());
        long line = 0;
        try {
            LogContent.Opened content = LogContent.open(raw);
            if (content.firstNonBlank() == '{') {
                parseJson(content.stream(), counter);
                return counter.tally().report();
            }
            BufferedReader reader = content.reader();
            TsvState state = new TsvState();
            String text;
            while ((text = reader.readLine()) != null) {
                line++;
                parseTsvLine(text, line, state, counter);
            }
        } catch (java.io.EOFException | java.util.zip.ZipException
                | com.fasterxml.jackson.core.JsonProcessingException e) {
            counter.tally().fileError("reading stopped after line " + line + ", the rest of the file is lost: "
                    + describe(e));
        } catch (IOException e) {
            // not the file's fault (a read from S3 broke off): fail, so that the whole object is tried again
            throw new java.io.UncheckedIOException("reading stopped after line " + line, e);
        }
        return counter.tally().report();
    }

    /** The header seen so far in a TSV file, and the problem with it, if any. */
    private static final class TsvState {
        FieldLayout layout;
        String headerProblem;
        final Map<Integer, FieldLayout> legacyByCount = new HashMap<>();
    }

    private void parseTsvLine(String text, long line, TsvState state, LineCounter counter) {
        if (text.isBlank()) {
            return;
        }
        if (text.startsWith("#")) {
            if (text.regionMatches(true, 0, "#Fields:", 0, 8)) {
                state.layout = FieldLayout.fromFieldsLine(text);
                state.headerProblem = state.layout.missingRequired().isEmpty() ? null
                        : "the #Fields header (line " + line + ") lacks required fields "
                                + state.layout.missingRequired();
            }
            return;
        }
        String where = "line " + line;
        if (state.headerProblem != null) {
            counter.apply(new LineOutcome.Invalid(state.headerProblem), where);
            return;
        }
        String[] fields = Tabs.split(text);
        FieldLayout layout = state.layout;
        int count;
        if (layout == null) {
            count = Tabs.meaningfulCount(fields, FieldLayout.LEGACY_33.size());
            layout = state.legacyByCount.computeIfAbsent(count, FieldLayout::legacyFor);
            if (layout == null) {
                counter.apply(new LineOutcome.Invalid("no #Fields header, and " + count
                        + " fields match no legacy layout " + FieldLayout.legacyCounts()), where);
                return;
            }
        } else {
            count = Tabs.meaningfulCount(fields, layout.size());
            if (count > layout.size()) {
                counter.apply(new LineOutcome.Invalid("has " + count + " fields, the #Fields header names "
                        + layout.size()), where);
                return;
            }
        }
        LineOutcome outcome = mapper.map(layout.values(fields), LogRecord.CLOUDFRONT_STANDARD);
        if (outcome instanceof LineOutcome.Invalid invalid && count < layout.size()) {
            outcome = new LineOutcome.Invalid("has " + count + " of " + layout.size() + " fields; "
                    + invalid.reason());
        }
        counter.apply(outcome, where);
    }

    private void parseJson(InputStream content, LineCounter counter) throws IOException {
        try (JsonParser parser = JSON.getFactory().createParser(content)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                long line = parser.currentTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT) {
                    counter.apply(new LineOutcome.Invalid("expected a JSON object, found " + token), "line " + line);
                    parser.skipChildren();
                    continue;
                }
                Map<?, ?> object = JSON.readValue(parser, Map.class);
                Map<String, String> byName = new HashMap<>();
                object.forEach((k, v) -> byName.put(String.valueOf(k).toLowerCase(Locale.ROOT),
                        v == null ? null : String.valueOf(v)));
                FieldValues values = column -> {
                    for (String name : column.names()) {
                        String value = byName.get(name);
                        if (value != null && !value.isEmpty() && !value.equals("-")) {
                            return value;
                        }
                    }
                    return null;
                };
                counter.apply(jsonOutcome(values, byName), "line " + line);
            }
        }
    }

    private LineOutcome jsonOutcome(FieldValues values, Map<String, String> byName) {
        StringBuilder missing = new StringBuilder();
        for (Column column : new Column[] {Column.CLIENT_IP, Column.METHOD, Column.URI_STEM, Column.STATUS}) {
            if (values.get(column) == null) {
                missing.append(missing.length() == 0 ? "" : ", ").append(column.fieldName());
            }
        }
        if (missing.length() > 0) {
            return new LineOutcome.Invalid("the record lacks required fields [" + missing + "] (it has "
                    + byName.keySet().stream().sorted().toList() + ")");
        }
        return mapper.map(values, LogRecord.CLOUDFRONT_STANDARD);
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        if (e instanceof java.io.EOFException || e instanceof java.util.zip.ZipException) {
            return "the gzip stream is truncated or corrupt (" + e.getClass().getSimpleName() + message + ")";
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            return "invalid JSON: " + json.getOriginalMessage();
        }
        return e.getClass().getSimpleName() + message;
    }
}
