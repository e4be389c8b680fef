package cn.shoudi.registry;

import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition;
import tools.jackson.databind.json.JsonMapper;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The recorded facts of the {@link FactCatalogue} kept in the registry's {@code facts} column of a household or member:
 * a JSON object of catalogue key → canonical text ({@link FactDefinition#format}), read back into typed values. Keys the
 * catalogue no longer has are ignored on reading, so removing a fact needs no migration either.
 */
final class RecordedFacts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RecordedFacts() {
    }

    /**
     * Short columns read before, typed: members' facts repeat across a township ({"employed":"是", …}), and a full
     * re-evaluation reads every member. Bounded: cleared when full.
     */
    private static final Map<String, Map<String, Object>> SHORT = new ConcurrentHashMap<>();
    private static final int SHORT_LENGTH = 200;

    /** Typed values of a stored column, unmodifiable and in key order; empty for null. */
    static Map<String, Object> read(String column) {
        if (column == null || column.isEmpty()) {
            return Map.of();
        }
        if (column.length() > SHORT_LENGTH) {
            return parse(column);
        }
        Map<String, Object> cached = SHORT.get(column);
        if (cached == null) {
            if (SHORT.size() > 10_000) {
                SHORT.clear();
            }
            cached = parse(column);
            SHORT.put(column, cached);
        }
        return cached;
    }

    /** Reads the flat object of texts with the streaming parser (a full re-evaluation reads every household). */
    private static Map<String, Object> parse(String column) {
        SortedMap<String, Object> out = new TreeMap<>();
        try (JsonParser p = JSON.createParser(column)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("facts column is not a JSON object: " + column);
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = p.currentName();
                p.nextToken();
                String text = p.getString();
                FactCatalogue.STANDARD.get(key).ifPresent(d -> out.put(key, d.read(text)));
            }
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** The column for typed values; null when nothing is recorded. */
    static String write(Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        Map<String, String> texts = new TreeMap<>();
        values.forEach((key, value) -> {
            if (value != null) {
                texts.put(key, FactCatalogue.STANDARD.require(key).format(value));
            }
        });
        return texts.isEmpty() ? null : JSON.writeValueAsString(texts);
    }

    /**
     * Stored values with submitted ones applied key by key: a submitted key with a value sets it, a submitted key with
     * null clears it, a key not submitted keeps its stored value. Submitted values are JSON values already validated.
     */
    static Map<String, Object> merge(Map<String, Object> stored, Map<String, Object> submitted) {
        Map<String, Object> out = new TreeMap<>(stored);
        if (submitted != null) {
            submitted.forEach((key, raw) -> {
                Object value = FactCatalogue.STANDARD.require(key).fromJson(raw);
                if (value == null) {
                    out.remove(key);
                } else {
                    out.put(key, value);
                }
            });
        }
        return out;
    }
}
