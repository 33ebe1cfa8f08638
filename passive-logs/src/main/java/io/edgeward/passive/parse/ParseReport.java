package io.edgeward.passive.parse;

import java.util.List;

/**
 * What parsing a file (or a batch of real-time records) gave: lines that became records, records skipped for
 * their static extension, and bad lines, each bad line listed with where and why (the first
 * {@link ParseTally#MAX_LISTED}; {@code bad} counts them all). {@code fileError} is set when the file itself could
 * not be read to its end (a truncated gzip stream, invalid JSON), with the line where reading stopped.
 */
public record ParseReport(long parsed, long skippedStatic, long bad, List<BadLine> badLines, String fileError) {

    public ParseReport {
        badLines = List.copyOf(badLines);
    }

    /** Nothing was lost: every line became a record or was skipped on purpose, and the file was read to its end. */
    public boolean clean() {
        return bad == 0 && fileError == null;
    }
}
