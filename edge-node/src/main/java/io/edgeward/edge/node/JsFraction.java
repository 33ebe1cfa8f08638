package io.edgeward.edge.node;

import org.teavm.jso.JSBody;

/**
 * A JSON number that is not a whole number, as Node gives it. Whole numbers become {@code Integer} or {@code Long}
 * as Jackson makes them on the JVM; a {@code java.lang.Double} here would pull TeaVM's double formatting (about 30 KB
 * of tables) into the bundle, so this formats as JavaScript does.
 */
final class JsFraction extends Number {

    private static final long serialVersionUID = 1L;

    private final double value;

    JsFraction(double value) {
        this.value = value;
    }

    /** Integer or Long for a whole number within JavaScript's safe range, otherwise a JsFraction. */
    static Number of(double value) {
        if (value == Math.floor(value) && Math.abs(value) <= 9007199254740991.0) {
            long whole = (long) value;
            return whole == (int) whole ? Integer.valueOf((int) whole) : Long.valueOf(whole);
        }
        return new JsFraction(value);
    }

    @Override
    public int intValue() {
        return (int) value;
    }

    @Override
    public long longValue() {
        return (long) value;
    }

    @Override
    public float floatValue() {
        return (float) value;
    }

    @Override
    public double doubleValue() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsFraction fraction && fraction.value == value;
    }

    @Override
    public int hashCode() {
        return (int) (value * 31);
    }

    @Override
    public String toString() {
        return format(value);
    }

    @JSBody(params = "d", script = "return String(d);")
    private static native String format(double d);
}
