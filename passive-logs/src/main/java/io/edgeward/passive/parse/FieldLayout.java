package io.edgeward.passive.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which column of a tab-separated line holds which field, from a {@code #Fields} header, a configured real-time
 * field list, or one of the legacy standard layouts (24, 26 or 33 fields) when a file has no header.
 */
public final class FieldLayout {

    /** The 33 fields of a standard log since December 2019; older files end after 24 or 26 of them. */
    public static final List<String> LEGACY_33 = List.of("date", "time", "x-edge-location", "sc-bytes", "c-ip",
            "cs-method", "cs(Host)", "cs-uri-stem", "sc-status", "cs(Referer)", "cs(User-Agent)", "cs-uri-query",
            "cs(Cookie)", "x-edge-result-type", "x-edge-request-id", "x-host-header", "cs-protocol", "cs-bytes",
            "time-taken", "x-forwarded-for", "ssl-protocol", "ssl-cipher", "x-edge-response-result-type",
            "cs-protocol-version", "fle-status", "fle-encrypted-fields", "c-port", "time-to-first-byte",
            "x-edge-detailed-result-type", "sc-content-type", "sc-content-len", "sc-range-start", "sc-range-end");

    private static final List<Integer> LEGACY_COUNTS = List.of(24, 26, 33);

    private final List<String> names;
    private final int[] index = new int[Column.values().length];

    private FieldLayout(List<String> names) {
        this.names = List.copyOf(names);
        Arrays.fill(index, -1);
        for (int i = 0; i < names.size(); i++) {
            Column column = Column.forFieldName(names.get(i));
            if (column != null && index[column.ordinal()] < 0) {
                index[column.ordinal()] = i;
            }
        }
    }

    public static FieldLayout of(List<String> names) {
        return new FieldLayout(names);
    }

    /** The layout named by a {@code #Fields:} line, whose names are separated by spaces or tabs. */
    public static FieldLayout fromFieldsLine(String line) {
        List<String> names = new ArrayList<>();
        for (String name : line.substring("#Fields:".length()).trim().split("[ \t]+")) {
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return new FieldLayout(names);
    }

    /** The legacy layout with exactly this many fields, or null when no legacy layout has that many. */
    public static FieldLayout legacyFor(int fieldCount) {
        return LEGACY_COUNTS.contains(fieldCount) ? new FieldLayout(LEGACY_33.subList(0, fieldCount)) : null;
    }

    public static List<Integer> legacyCounts() {
        return LEGACY_COUNTS;
    }

    public int size() {
        return names.size();
    }

    public List<String> names() {
        return names;
    }

    /** The position of a column, or -1 when the layout does not have it. */
    public int indexOf(Column column) {
        return index[column.ordinal()];
    }

    /** The columns every record needs that this layout cannot supply (a time source counts as one). */
    public Set<String> missingRequired() {
        Set<String> missing = new java.util.LinkedHashSet<>();
        boolean hasTime = (indexOf(Column.DATE) >= 0 && indexOf(Column.TIME) >= 0)
                || indexOf(Column.TIMESTAMP_MS) >= 0 || indexOf(Column.TIMESTAMP_SECONDS) >= 0;
        if (!hasTime) {
            missing.add("date+time (or timestamp)");
        }
        for (Column column : EnumSet.of(Column.CLIENT_IP, Column.METHOD, Column.URI_STEM, Column.STATUS,
                Column.REQUEST_ID)) {
            if (indexOf(column) < 0) {
                missing.add(column.fieldName());
            }
        }
        return missing;
    }

    /** The values of one split line under this layout. */
    public FieldValues values(String[] columns) {
        return new FieldValues() {
            @Override
            public String get(Column column) {
                int i = index[column.ordinal()];
                if (i < 0 || i >= columns.length) {
                    return null;
                }
                String value = columns[i];
                return value.isEmpty() || value.equals("-") ? null : value;
            }

            @Override
            public boolean carries(Column column) {
                return indexOf(column) >= 0;
            }
        };
    }
}
