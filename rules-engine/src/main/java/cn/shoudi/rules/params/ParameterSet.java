package cn.shoudi.rules.params;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All parameter rows of a policy. Immutable and thread-safe.
 */
public final class ParameterSet {

    private final Map<String, List<Parameter>> byCode = new LinkedHashMap<>();

    public ParameterSet(Collection<Parameter> rows) {
        for (Parameter p : rows) {
            byCode.computeIfAbsent(p.code(), k -> new ArrayList<>()).add(p);
        }
        byCode.replaceAll((k, v) -> List.copyOf(v));
    }

    /** The codes of all parameters. */
    public Set<String> codes() {
        return byCode.keySet();
    }

    /** All rows of one parameter, in the order they were read. */
    public List<Parameter> rows(String code) {
        return byCode.getOrDefault(code, List.of());
    }

    /** The row of a parameter that applies on a date, if any. */
    public Optional<Parameter> find(String code, LocalDate asOf) {
        return rows(code).stream().filter(p -> p.appliesOn(asOf)).findFirst();
    }

    /**
     * The row of a parameter that applies on a date.
     *
     * @throws MissingParameterException when none applies
     */
    public Parameter require(String code, LocalDate asOf) {
        return find(code, asOf).orElseThrow(() -> new MissingParameterException(code, asOf));
    }
}
