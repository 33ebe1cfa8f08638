package io.edgeward.passive.parse;

import io.edgeward.passive.record.LogRecord;

/** What became of one log line: a record, or the reason it is not one. */
public sealed interface LineOutcome permits LineOutcome.Parsed, LineOutcome.Invalid {

    record Parsed(LogRecord record) implements LineOutcome {
    }

    record Invalid(String reason) implements LineOutcome {
    }
}
