package cn.shoudi.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
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

    public Boolean bool(String key) {
        return (Boolean) values.get(key);
    }

    public Integer integer(String key) {
        return (Integer) values.get(key);
    }

    public BigDecimal decimal(String key) {
        return (BigDecimal) values.get(key);
    }

    public String text(String key) {
        return (String) values.get(key);
    }

    public LocalDate date(String key) {
        return (LocalDate) values.get(key);
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String key) {
        Object v = values.get(key);
        return v == null ? List.of() : (List<String>) v;
    }
}
