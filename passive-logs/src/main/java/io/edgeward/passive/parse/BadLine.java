package io.edgeward.passive.parse;

/** A line that did not become a record: its 1-based number in the file (or the Kinesis sequence) and why. */
public record BadLine(String where, String reason) {
}
