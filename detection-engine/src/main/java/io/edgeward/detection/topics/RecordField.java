package io.edgeward.detection.topics;

import java.util.EnumSet;
import java.util.Set;

/**
 * The optional log record fields whose absence a rule may read as evidence, and which sources can see them. The
 * edge sees the whole request, so an edge record lacking {@code acceptLanguage} means the client sent none. A
 * CloudFront standard log or an Apache log never carries it, so there its absence says nothing. A record states what
 * its source observed in {@code observed} (comma-separated field names); a record without it is judged by its
 * {@code source}: edge records see everything, any other source only the fields it actually carries.
 */
public enum RecordField {
    USER_AGENT("userAgent"),
    REFERER("referer"),
    ACCEPT("accept"),
    ACCEPT_LANGUAGE("acceptLanguage"),
    HEADER_NAMES("headerNames"),
    JA4("ja4"),
    COUNTRY("country"),
    ASN("asn"),
    /** Whether the client came back with the edge's cookie ({@code cookieState}): only the edge can know. */
    COOKIE("cookieState");

    private static final Set<RecordField> ALL = EnumSet.allOf(RecordField.class);

    private final String wire;

    RecordField(String wire) {
        this.wire = wire;
    }

    /** The field's name in the log record (docs/contracts.md). */
    public String wire() {
        return wire;
    }

    public static RecordField fromWire(String name) {
        for (RecordField f : values()) {
            if (f.wire.equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** The fields {@code record}'s source can see. */
    public static Set<RecordField> observedBy(LogRecord record) {
        if (record.observed() != null) {
            return parse(record.observed());
        }
        if (record.fromEdge() || record.source() == null || record.source().startsWith("edge")) {
            return ALL;
        }
        Set<RecordField> carried = EnumSet.noneOf(RecordField.class);
        addIf(carried, USER_AGENT, record.userAgent());
        addIf(carried, ACCEPT, record.accept());
        addIf(carried, ACCEPT_LANGUAGE, record.acceptLanguage());
        addIf(carried, HEADER_NAMES, record.headerNames());
        addIf(carried, JA4, record.ja4());
        addIf(carried, COUNTRY, record.country());
        addIf(carried, ASN, record.asn());
        return carried;
    }

    /** Comma-separated wire names; unknown names are ignored (a newer source may name fields we do not judge). */
    static Set<RecordField> parse(String csv) {
        Set<RecordField> fields = EnumSet.noneOf(RecordField.class);
        int start = 0;
        while (start <= csv.length()) {
            int comma = csv.indexOf(',', start);
            int end = comma < 0 ? csv.length() : comma;
            RecordField f = fromWire(csv.substring(start, end).trim());
            if (f != null) {
                fields.add(f);
            }
            start = end + 1;
        }
        return fields;
    }

    private static void addIf(Set<RecordField> fields, RecordField field, String value) {
        if (value != null) {
            fields.add(field);
        }
    }
}
