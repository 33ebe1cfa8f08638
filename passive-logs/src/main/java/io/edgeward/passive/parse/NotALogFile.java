package io.edgeward.passive.parse;

/** The object is not a text log file (an image, a Parquet file, …): nothing in it is a log line. */
public final class NotALogFile extends Exception {

    public NotALogFile(String reason) {
        super(reason);
    }
}
