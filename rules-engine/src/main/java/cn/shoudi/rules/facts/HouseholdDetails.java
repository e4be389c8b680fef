package cn.shoudi.rules.facts;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything about a household beyond the registry basics that the policy's tables read: the recorded facts of the
 * {@link FactCatalogue} by key (household level) and the department signals. A fact without a value is not recorded;
 * tables treat it as unknown.
 *
 * @param values  recorded facts by catalogue key, typed as {@link FactType} says; never null, no null values
 * @param signals department early-warning signals, never null
 */
public record HouseholdDetails(Map<String, Object> values, List<SignalInput> signals) {

    /** Nothing recorded beyond the registry basics. */
    public static final HouseholdDetails NONE = new HouseholdDetails(Map.of(), List.of());

    public HouseholdDetails {
        values = FactMaps.sortedCopy(values);
        signals = signals == null ? List.of() : List.copyOf(signals);
    }

    /** The same details with these department signals. */
    public HouseholdDetails withSignals(List<SignalInput> newSignals) {
        return new HouseholdDetails(values, newSignals);
    }

    /** The same details with one value set (null clears it). */
    public HouseholdDetails with(String key, Object value) {
        TreeMap<String, Object> copy = new TreeMap<>(values);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new HouseholdDetails(copy, signals);
    }
}
