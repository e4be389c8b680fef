package cn.shoudi.rules.table;

import cn.shoudi.rules.params.ParameterSet;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A compiled policy: every decision table of one version, their parameters, and one KieBase holding every table's
 * rules, each table in a package of its own (a household is inserted once and matched against all tables in one
 * session; the evaluator keeps the matches of the tables that apply on the as-of date).
 * Immutable and safe to share between threads.
 */
public final class Policy {

    /** Sessions kept ready; the pool grows under load beyond this. */
    private static final int POOL_SIZE = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final String version;
    private final List<DecisionTable> tables;
    private final ParameterSet parameters;
    private final KieBase kieBase;
    private final KieSessionsPool pool;
    private final Map<String, RuleInfo> rules;
    /** The same rows by the rule objects of the KieBase: a match is explained without building a key. */
    private final Map<Rule, RuleInfo> byRule;
    private final Set<String> parameterCodes;

    Policy(String version, List<DecisionTable> tables, ParameterSet parameters, KieBase kieBase,
           Map<String, RuleInfo> rules, Set<String> parameterCodes) {
        this.version = version;
        this.tables = List.copyOf(tables);
        this.parameters = parameters;
        this.kieBase = kieBase;
        this.pool = kieBase.newKieSessionsPool(POOL_SIZE);
        this.rules = Map.copyOf(rules);
        Map<Rule, RuleInfo> identities = new IdentityHashMap<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                RuleInfo info = rules.get(key(r.getPackageName(), r.getName()));
                if (info != null) {
                    identities.put(r, info);
                }
            }
        }
        this.byRule = identities;
        this.parameterCodes = Set.copyOf(parameterCodes);
    }

    /** A session over every table, from the policy's pool; {@code dispose()} returns it to the pool. Thread-safe. */
    public KieSession newSession() {
        return pool.newKieSession();
    }

    /** Releases the pooled sessions; the policy must not be used afterwards. */
    public void shutdown() {
        pool.shutdown();
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

    /** The KieBase of every table, each in its own package. */
    public KieBase kieBase() {
        return kieBase;
    }

    /** Every parameter code some rule row uses. */
    public Set<String> parameterCodes() {
        return parameterCodes;
    }

    /** The parameter codes the rows of one table use; each must have a value on an as-of date the table applies. */
    public Set<String> parameterCodes(DecisionTable table) {
        return rules.values().stream().filter(r -> r.table().id().equals(table.id()))
                .flatMap(r -> r.parameterCodes().stream()).collect(Collectors.toSet());
    }

    /** The tables that apply on a date. */
    public List<DecisionTable> tablesOn(LocalDate date) {
        return tables.stream().filter(t -> t.appliesOn(date)).toList();
    }

    /** The row behind a fired rule, by DRL package and rule name. */
    public Optional<RuleInfo> rule(String packageName, String ruleName) {
        return Optional.ofNullable(rules.get(key(packageName, ruleName)));
    }

    /** The row behind a rule of this policy's KieBase, as the engine hands it over in a match. */
    public Optional<RuleInfo> rule(Rule rule) {
        RuleInfo info = byRule.get(rule);
        return info != null ? Optional.of(info) : rule(rule.getPackageName(), rule.getName());
    }

    static String key(String packageName, String ruleName) {
        return packageName + "#" + ruleName;
    }
}
