package cn.shoudi.rules.table;

import cn.shoudi.rules.params.ParameterSet;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A compiled policy: every decision table of one version, their parameters and one KieBase per table (so a table
 * that does not apply on an as-of date is not evaluated at all).
 * Immutable and safe to share between threads.
 */
public final class Policy {

    private final String version;
    private final List<DecisionTable> tables;
    private final ParameterSet parameters;
    private final Map<String, KieBase> kieBases;
    private final Map<String, KieSessionsPool> pools;
    private final Map<String, RuleInfo> rules;
    private final Set<String> parameterCodes;

    Policy(String version, List<DecisionTable> tables, ParameterSet parameters, Map<String, KieBase> kieBases,
           Map<String, RuleInfo> rules, Set<String> parameterCodes) {
        Map<String, KieSessionsPool> p = new java.util.HashMap<>();
        kieBases.forEach((id, base) -> p.put(id, base.newKieSessionsPool(POOL_SIZE)));
        this.pools = Map.copyOf(p);
        this.version = version;
        this.tables = List.copyOf(tables);
        this.parameters = parameters;
        this.kieBases = Map.copyOf(kieBases);
        this.rules = Map.copyOf(rules);
        this.parameterCodes = Set.copyOf(parameterCodes);
    }

    /** Sessions kept ready per table; the pool grows under load beyond this. */
    private static final int POOL_SIZE = Math.max(2, Runtime.getRuntime().availableProcessors());

    /**
     * A session for one table from its pool; {@code dispose()} returns it to the pool. Thread-safe.
     */
    public KieSession newSession(String tableId) {
        KieSessionsPool pool = pools.get(tableId);
        if (pool == null) {
            throw new IllegalArgumentException("no table '" + tableId + "' in policy " + version);
        }
        return pool.newKieSession();
    }

    /** Releases the pooled sessions; the policy must not be used afterwards. */
    public void shutdown() {
        pools.values().forEach(KieSessionsPool::shutdown);
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

    /** The KieBase of one table, by table id. */
    public KieBase kieBase(String tableId) {
        KieBase base = kieBases.get(tableId);
        if (base == null) {
            throw new IllegalArgumentException("no table '" + tableId + "' in policy " + version);
        }
        return base;
    }

    /** Every parameter code some rule row uses. */
    public Set<String> parameterCodes() {
        return parameterCodes;
    }

    /** The parameter codes the rows of one table use; each must have a value on an as-of date the table applies. */
    public Set<String> parameterCodes(DecisionTable table) {
        return rules.values().stream().filter(r -> r.table().id().equals(table.id()))
                .flatMap(r -> r.parameterCodes().stream()).collect(java.util.stream.Collectors.toSet());
    }

    /** The tables that apply on a date. */
    public List<DecisionTable> tablesOn(java.time.LocalDate date) {
        return tables.stream().filter(t -> t.appliesOn(date)).toList();
    }

    /** The row behind a fired rule, by DRL package and rule name. */
    public Optional<RuleInfo> rule(String packageName, String ruleName) {
        return Optional.ofNullable(rules.get(key(packageName, ruleName)));
    }

    static String key(String packageName, String ruleName) {
        return packageName + "#" + ruleName;
    }
}
