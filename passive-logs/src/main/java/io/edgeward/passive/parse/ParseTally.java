package io.edgeward.passive.parse;

import java.util.ArrayList;
import java.util.List;

/** Counts lines while a file is parsed; not thread-safe (one per file). */
public final class ParseTally {

    /** How many bad lines a report lists; more are counted, not listed. */
    public static final int MAX_LISTED = 1000;

    private long parsed;
    private long skippedStatic;
    private long bad;
    private final List<BadLine> badLines = new ArrayList<>();
    private String fileError;

    void parsed() {
        parsed++;
    }

    void skippedStatic() {
        skippedStatic++;
    }

    public void bad(BadLine line) {
        bad++;
        if (badLines.size() < MAX_LISTED) {
            badLines.add(line);
        }
    }

    void fileError(String error) {
        fileError = error;
    }

    public ParseReport report() {
        return new ParseReport(parsed, skippedStatic, bad, badLines, fileError);
    }
}
