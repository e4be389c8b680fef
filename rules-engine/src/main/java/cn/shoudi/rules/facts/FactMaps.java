package cn.shoudi.rules.facts;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** Immutable, key-ordered copies of fact maps (the order makes their hash and text independent of insertion). */
final class FactMaps {

    private FactMaps() {
    }

    /** An unmodifiable copy in key order without null values; lists copied unmodifiable. */
    static SortedMap<String, Object> sortedCopy(Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            return Collections.emptySortedMap();
        }
        // a sorted source is copied in linear time (TreeMap builds from sorted input)
        TreeMap<String, Object> copy = values instanceof SortedMap<String, Object> sorted && sorted.comparator() == null
                ? new TreeMap<>(sorted) : new TreeMap<>(values);
        copy.values().removeIf(Objects::isNull);
        copy.replaceAll((k, v) -> v instanceof List<?> l ? List.copyOf(l) : v);
        return Collections.unmodifiableSortedMap(copy);
    }
}
