package cn.shoudi.assessment;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.lang.invoke.MethodType;

/**
 * Writes a value as text in a form that depends only on its content: records as {@code Name[component=value, …]} in
 * declaration order (every component, so a field added to the rules' input is hashed without touching this class),
 * lists in order, sets and maps sorted, decimals without trailing zeros. It replaces the records' own
 * {@code toString}, which JDK 17 builds through {@code String.format} and which cost as much CPU as the evaluation
 * itself in a full re-evaluation.
 */
final class CanonicalForm {

    private record Component(String name, MethodHandle accessor) {
    }

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            List<Component> out = new ArrayList<>();
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            for (RecordComponent c : type.getRecordComponents()) {
                try {
                    out.add(new Component(c.getName(), lookup.unreflect(c.getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class))));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + type.getName() + "." + c.getName(), e);
                }
            }
            return List.copyOf(out);
        }
    };

    private CanonicalForm() {
    }

    static StringBuilder append(StringBuilder out, Object value) {
        if (value == null) {
            return out.append("null");
        }
        if (value instanceof String s) {
            return out.append(s);
        }
        if (value instanceof BigDecimal d) {
            return out.append(d.stripTrailingZeros().toPlainString());
        }
        if (value instanceof Record r) {
            out.append(r.getClass().getSimpleName()).append('[');
            boolean first = true;
            for (Component c : COMPONENTS.get(r.getClass())) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                out.append(c.name()).append('=');
                try {
                    append(out, (Object) c.accessor().invokeExact((Object) r));
                } catch (Throwable e) {
                    throw new IllegalStateException("cannot read " + c.name() + " of " + r.getClass().getName(), e);
                }
            }
            return out.append(']');
        }
        if (value instanceof Set<?> set) {
            List<String> items = new ArrayList<>(set.size());
            for (Object item : set) {
                items.add(append(new StringBuilder(), item).toString());
            }
            items.sort(null);
            return out.append(items);
        }
        if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                append(out, item);
            }
            return out.append(']');
        }
        // naturally ordered keys are mutually comparable: a String first key means String keys throughout
        if (value instanceof SortedMap<?, ?> sortedMap && sortedMap.comparator() == null && !sortedMap.isEmpty()
                && sortedMap.firstKey() instanceof String) {
            // already in key order (the rules' fact maps): written as a TreeMap of texts would print, without copying
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : sortedMap.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                out.append((String) e.getKey()).append('=');
                append(out, e.getValue());
            }
            return out.append('}');
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, String> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), append(new StringBuilder(), v).toString()));
            return out.append(sorted);
        }
        return out.append(value);
    }
}
