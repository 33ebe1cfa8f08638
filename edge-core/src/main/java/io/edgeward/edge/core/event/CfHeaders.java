package io.edgeward.edge.core.event;

import io.edgeward.edge.core.text.Ascii;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CloudFront's header map, {@code {"lowercase-name": [{"key": "Name", "value": "v"}, …]}}. Immutable: the
 * {@code with…} methods return a modified copy. Names are matched in lowercase; entries keep their order.
 */
public final class CfHeaders {

    private static final CfHeaders EMPTY = new CfHeaders(Collections.emptyMap());

    /** No map or list is changed once built, so copies share the entry lists of the names they do not touch. */
    private final Map<String, List<HeaderEntry>> byName;

    private CfHeaders(Map<String, List<HeaderEntry>> byName) {
        this.byName = byName;
    }

    public static CfHeaders empty() {
        return EMPTY;
    }

    /**
     * Reads CloudFront's header map. Tolerant: a value of the wrong shape is skipped, a missing {@code key} takes the
     * map name, names are lowercased; never throws.
     */
    public static CfHeaders fromJson(Object value) {
        Map<String, Object> map = JsonValues.map(value);
        if (map == null || map.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<HeaderEntry>> byName = new LinkedHashMap<>();
        for (Map.Entry<String, Object> header : map.entrySet()) {
            List<Object> entries = JsonValues.list(header.getValue());
            if (header.getKey() == null || entries == null) {
                continue;
            }
            String name = Ascii.lowerCase(header.getKey());
            for (Object item : entries) {
                Map<String, Object> entry = JsonValues.map(item);
                String entryValue = JsonValues.text(entry, "value", null);
                if (entryValue != null) {
                    String key = JsonValues.text(entry, "key", header.getKey());
                    byName.computeIfAbsent(name, n -> new ArrayList<>(1)).add(new HeaderEntry(key, entryValue));
                }
            }
        }
        return new CfHeaders(byName);
    }

    /** The first value of a header, or null. */
    public String first(String name) {
        List<HeaderEntry> entries = byName.get(Ascii.lowerCase(name));
        return entries == null || entries.isEmpty() ? null : entries.get(0).value();
    }

    /** Every value of a header, in order; empty when absent. */
    public List<String> values(String name) {
        List<HeaderEntry> entries = byName.get(Ascii.lowerCase(name));
        if (entries == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>(entries.size());
        for (HeaderEntry entry : entries) {
            values.add(entry.value());
        }
        return values;
    }

    public List<HeaderEntry> entries(String name) {
        List<HeaderEntry> entries = byName.get(Ascii.lowerCase(name));
        return entries == null ? List.of() : Collections.unmodifiableList(entries);
    }

    public boolean contains(String name) {
        return byName.containsKey(Ascii.lowerCase(name));
    }

    /** The lowercase names present. */
    public Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /** A copy where {@code key} (any case) has exactly this one value. */
    public CfHeaders with(String key, String value) {
        Map<String, List<HeaderEntry>> copy = new LinkedHashMap<>(byName);
        List<HeaderEntry> one = new ArrayList<>(1);
        one.add(new HeaderEntry(key, value));
        copy.put(Ascii.lowerCase(key), one);
        return new CfHeaders(copy);
    }

    /** A copy with one more value for {@code key} (for Set-Cookie, which may repeat). */
    public CfHeaders adding(String key, String value) {
        String lower = Ascii.lowerCase(key);
        List<HeaderEntry> existing = byName.get(lower);
        List<HeaderEntry> entries = existing == null ? new ArrayList<>(1) : new ArrayList<>(existing);
        entries.add(new HeaderEntry(key, value));
        Map<String, List<HeaderEntry>> copy = new LinkedHashMap<>(byName);
        copy.put(lower, entries);
        return new CfHeaders(copy);
    }

    public CfHeaders without(String name) {
        String lower = Ascii.lowerCase(name);
        if (!byName.containsKey(lower)) {
            return this;
        }
        Map<String, List<HeaderEntry>> copy = new LinkedHashMap<>(byName);
        copy.remove(lower);
        return new CfHeaders(copy);
    }

    /** A copy without every header whose lowercase name starts with {@code prefix} (itself lowercase). */
    public CfHeaders withoutPrefix(String prefix) {
        boolean any = false;
        for (String name : byName.keySet()) {
            if (name.startsWith(prefix)) {
                any = true;
                break;
            }
        }
        if (!any) {
            return this;
        }
        Map<String, List<HeaderEntry>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<HeaderEntry>> entry : byName.entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                copy.put(entry.getKey(), entry.getValue());
            }
        }
        return new CfHeaders(copy);
    }

    /** CloudFront's JSON shape, as plain maps and lists for the JsonCodec port. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Map.Entry<String, List<HeaderEntry>> header : byName.entrySet()) {
            List<Object> entries = new ArrayList<>(header.getValue().size());
            for (HeaderEntry entry : header.getValue()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("key", entry.key());
                item.put("value", entry.value());
                entries.add(item);
            }
            json.put(header.getKey(), entries);
        }
        return json;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CfHeaders && ((CfHeaders) other).byName.equals(byName);
    }

    @Override
    public int hashCode() {
        return byName.hashCode();
    }

    @Override
    public String toString() {
        return "CfHeaders" + names();
    }
}
