package cn.shoudi.rules.eval;

import cn.shoudi.rules.facts.HouseholdFacts;
import cn.shoudi.rules.facts.HouseholdInput;
import cn.shoudi.rules.params.MissingParameterException;
import cn.shoudi.rules.params.Parameter;
import cn.shoudi.rules.table.DecisionTable;
import cn.shoudi.rules.table.Policy;
import cn.shoudi.rules.table.RuleInfo;
import cn.shoudi.rules.table.ActionKeys;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates households against one compiled {@link Policy}. Thread-safe: the KieBase is shared, each evaluation
 * borrows one session from the policy's pool and returns it; the matches of tables not in force on the as-of date are
 * ignored. A rule's findings are the values its ACTION cells set, read when the policy was compiled: the evaluator notes
 * which rules match (an agenda filter) and fires only a rule whose consequence was kept as written.
 */
public final class Evaluator {

    /** Name of the global that ACTION columns write to; tables declare it under Variables. */
    public static final String FINDINGS_GLOBAL = "findings";

    private static final Comparator<Finding> BY_ROW = Comparator.comparingInt(Finding::row);

    private final Policy policy;
    /** Tables and parameter values by as-of date: the same for every household evaluated on that date. */
    private final Map<LocalDate, OnDate> onDates = new java.util.concurrent.ConcurrentHashMap<>();

    private record OnDate(List<DecisionTable> tables, Map<String, Parameter> parameters) {
    }

    public Evaluator(Policy policy) {
        this.policy = policy;
    }

    /**
     * The tables in force on {@code asOf} and the parameter values they read then (plus every other parameter with a
     * value then), worked out once per date.
     *
     * @throws MissingParameterException when a parameter the tables use has no value on {@code asOf} (not cached)
     */
    private OnDate onDate(LocalDate asOf) {
        OnDate on = onDates.get(asOf);
        if (on != null) {
            return on;
        }
        List<DecisionTable> applicable = policy.tablesOn(asOf);
        Map<String, Parameter> params = new HashMap<>();
        for (DecisionTable t : applicable) {
            for (String code : policy.parameterCodes(t)) {
                params.put(code, policy.parameters().require(code, asOf));
            }
        }
        for (String code : policy.parameters().codes()) {
            policy.parameters().find(code, asOf).ifPresent(p -> params.putIfAbsent(code, p));
        }
        on = new OnDate(List.copyOf(applicable), Map.copyOf(params));
        if (onDates.size() > 366) {
            onDates.clear(); // a long-lived evaluator used on many dates (today moves on): keep the cache small
        }
        onDates.put(asOf, on);
        return on;
    }

    public Policy policy() {
        return policy;
    }

    /**
     * Evaluates one household on an as-of date, which chooses the parameter rows (e.g. that year's monitoring line).
     *
     * @throws MissingParameterException when a parameter the tables use has no value on {@code asOf}
     */
    public Evaluation evaluate(HouseholdInput household, LocalDate asOf) {
        OnDate on = onDate(asOf);
        return evaluate(household, asOf, on.tables(), on.parameters());
    }

    /**
     * One table's decision for a household, evaluating that table only: the same decision {@link #evaluate} gives for
     * it (tables do not read each other's results), at a fraction of the cost when a table's examples are run.
     *
     * @throws IllegalArgumentException when the table is not in force on {@code asOf}
     * @throws MissingParameterException when a parameter the tables use has no value on {@code asOf}
     */
    public Decision decide(HouseholdInput household, LocalDate asOf, String tableId) {
        OnDate on = onDate(asOf);
        List<DecisionTable> only = on.tables().stream().filter(t -> t.id().equals(tableId)).toList();
        return evaluate(household, asOf, only, on.parameters()).decision(tableId);
    }

    private Evaluation evaluate(HouseholdInput household, LocalDate asOf, List<DecisionTable> applicable,
                                Map<String, Parameter> params) {
        HouseholdFacts facts = new HouseholdFacts(household, asOf, params);
        FindingCollector collector = new FindingCollector();
        List<RuleInfo> matched = new ArrayList<>();
        if (!applicable.isEmpty()) {
            Set<DecisionTable> evaluated = Collections.newSetFromMap(new IdentityHashMap<>());
            evaluated.addAll(applicable);
            AgendaFilter noteMatches = match -> {
                Rule rule = match.getRule();
                RuleInfo info = policy.rule(rule).orElseThrow(() -> new IllegalStateException("matched rule "
                        + rule.getPackageName() + "." + rule.getName() + " is not in the policy's tables"));
                if (!evaluated.contains(info.table())) {
                    return false; // a table not in force on the date (or not asked for) decides nothing
                }
                matched.add(info);
                return info.actions() == null; // a consequence kept as written runs; one compiled to data need not
            };
            KieSession session = policy.newSession();
            try {
                session.setGlobal(FINDINGS_GLOBAL, collector);
                session.insert(facts);
                session.fireAllRules(noteMatches);
            } finally {
                session.dispose();
            }
        }
        Map<String, List<Finding>> byTable = new HashMap<>();
        for (RuleInfo info : matched) {
            Map<String, String> outputs = info.actions() != null ? info.actions() : collector.hits().getOrDefault(
                    new FindingCollector.RuleKey(info.table().packageName(), info.row().code()), Map.of());
            byTable.computeIfAbsent(info.table().id(), k -> new ArrayList<>()).add(finding(info, outputs, facts, params));
        }
        Map<String, Decision> decisions = new LinkedHashMap<>();
        for (DecisionTable t : applicable) {
            List<Finding> findings = byTable.get(t.id());
            if (findings == null) {
                decisions.put(t.id(), new Decision(t.id(), t.title(), t.defaultOutcome(), List.of()));
                continue;
            }
            findings.sort(BY_ROW);
            String outcome = t.defaultOutcome();
            for (Finding f : findings) {
                if (f.outcome() != null && !f.outcome().isBlank()) {
                    outcome = f.outcome(); // the top-most row with an outcome decides
                    break;
                }
            }
            decisions.put(t.id(), new Decision(t.id(), t.title(), outcome, Collections.unmodifiableList(findings)));
        }
        return new Evaluation(policy.version(), household.householdId(), asOf, decisions);
    }

    private static Finding finding(RuleInfo info, Map<String, String> outputs, HouseholdFacts facts,
                                   Map<String, Parameter> params) {
        DecisionTable t = info.table();
        List<TestedInput> tested = new ArrayList<>(info.testedFacts().size());
        for (String f : info.testedFacts()) {
            tested.add(new TestedInput(f, HouseholdFacts.INPUT_NAMES.get(f), facts.input(f), facts.evidence(f)));
        }
        List<ParameterUse> used = new ArrayList<>(info.parameterCodes().size());
        for (String code : info.parameterCodes()) {
            used.add(ParameterUse.of(params.get(code)));
        }
        return new Finding(t.id(), t.title(), t.fileName(), t.sheet(), info.row().excelRow(), info.row().code(),
                outputs.get(ActionKeys.OUTCOME), outputs.get(ActionKeys.REASON), Map.copyOf(outputs),
                Collections.unmodifiableList(tested), Collections.unmodifiableList(used));
    }

}
