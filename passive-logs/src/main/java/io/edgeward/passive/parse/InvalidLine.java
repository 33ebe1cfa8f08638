package io.edgeward.passive.parse;

/** A line that cannot become a log record; the message says which field and why. */
final class InvalidLine extends Exception {

    InvalidLine(String reason) {
        super(reason, null, false, false);
    }
}
