package io.edgeward.console.figures;

/** A value and how often it was seen; an estimate (never below the true count) when the value set was large. */
public record TopEntry(String value, long count) {
}
