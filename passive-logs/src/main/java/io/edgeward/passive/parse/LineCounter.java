package io.edgeward.passive.parse;

/** Applies one line's outcome: a record goes to the sink unless its path is static; a bad line is listed. */
final class LineCounter {

    private final StaticExtensions statics;
    private final RecordSink sink;
    private final ParseTally tally;

    LineCounter(StaticExtensions statics, RecordSink sink, ParseTally tally) {
        this.statics = statics;
        this.sink = sink;
        this.tally = tally;
    }

    void apply(LineOutcome outcome, String where) {
        if (outcome instanceof LineOutcome.Parsed parsed) {
            if (statics.isStatic(parsed.record().path())) {
                tally.skippedStatic();
            } else {
                tally.parsed();
                sink.accept(parsed.record());
            }
        } else if (outcome instanceof LineOutcome.Invalid invalid) {
            tally.bad(new BadLine(where, invalid.reason()));
        }
    }

    ParseTally tally() {
        return tally;
    }
}
