package cn.shoudi.rules.table;

import cn.shoudi.rules.params.ParameterSet;
import org.kie.api.KieBase;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A compiled policy: every decision table of one version, their parameters and the KieBase built from them.
 * Immutable and safe to share between threads.
 */
public final class Policy {

    private final String version;
    private final List<DecisionTable> tables;
    private final ParameterSet parameters;
    private final KieBase kieBase;
    private final Map<String, RuleInfo> rules;
    private final Set<String> parameterCodes;

    Policy(String version, List<DecisionTable> tables, ParameterSet parameters, KieBase kieBase,
           Map<String, RuleInfo> rules, Set<String> parameterCodes) {
        this.version = version;
        this.tables = List.copyOf(tables);
        this.parameters = parameters;
        this.kieBase = kieBase;
        this.rules = Map.copyOf(rules);
        this.parameterCodes = Set.copyOf(parameterCodes);
    }

    public String version() {
        return version;
    }

    public List<DecisionTable> tables() {
        return tables;
    }

    public ParameterSet parameters() {
        return parameters;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** Every parameter code some rule row uses; each must have a value on an evaluation's as-of date. */
    public Set<String> parameterCodes() {
        return parameterCodes;
    }

    /** The row behind a fired rule, by DRL package and rule name. */
    public Optional<RuleInfo> rule(String packageName, String ruleName) {
        return Optional.ofNullable(rules.get(key(packageName, ruleName)));
    }

    static String key(String packageName, String ruleName) {
        return packageName + "#" + ruleName;
    }
}
