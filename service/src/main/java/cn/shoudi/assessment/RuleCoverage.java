package cn.shoudi.assessment;

import io.swagger.v3.oas.annotations.media.Schema;
import cn.shoudi.registry.HouseholdSnapshot;
import cn.shoudi.registry.Registry;
import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition;
import cn.shoudi.rules.facts.FactPresence;
import cn.shoudi.rules.facts.HouseholdFacts;
import cn.shoudi.rules.facts.HouseholdInput;
import cn.shoudi.rules.table.Policy;
import cn.shoudi.rules.table.RuleRowFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.shoudi.registry.HouseholdNotFoundException;

/**
 * The published tables' rows as policy staff see them in production: for each row, how many households' latest
 * assessment fired it, and for how many of the households it applies to (its 户类型 or 人群类别 cell) one of the recorded
 * facts it tests is unknown, so that dead rows show. For a household, the recorded facts the applicable rows test that it
 * lacks (还缺), for the survey.
 */
@Service
public class RuleCoverage {

    private static final int PAGE = 500;

    /**
     * One row of a published table.
     *
     * @param facts      Chinese labels of the recorded facts its conditions come from
     * @param hits       households whose latest assessment fired it
     * @param applicable active households it applies to
     * @param unknown    of those, households lacking one of its recorded facts
     */
    public record RowView(String tableId, String tableTitle, String file, String sheet, int row, String code,
                          String outcome, List<RuleRowFacts.Condition> conditions, List<String> facts, long hits,
                          long applicable, long unknown) {

        /** Fired for nobody, and every household it applies to lacks one of its facts: dead in production. */
        public boolean dead() {
            return hits == 0 && applicable > 0 && unknown == applicable;
        }
    }

    /** The rows of the published policy with their counts, over {@code households} active households. */
    @Schema(name = "RuleCoverageReport")
    public record Report(String policyVersion, LocalDate asOf, long households, List<RowView> rows) {
    }

    private final ActivePolicy policy;
    private final Registry registry;
    private final AssessmentService assessments;
    private final AssessmentProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    RuleCoverage(ActivePolicy policy, Registry registry, AssessmentService assessments,
                 AssessmentProperties properties, JdbcClient jdbc, Clock clock) {
        this.policy = policy;
        this.registry = registry;
        this.assessments = assessments;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every row of the published tables that apply on the evaluation date, with hit and unknown counts. */
    @Transactional(readOnly = true)
    public Report report() {
        Policy p = policy.evaluator().policy();
        LocalDate asOf = properties.asOfDate(clock);
        List<RuleRowFacts> rows = RuleRowFacts.of(p, asOf, FactCatalogue.STANDARD);
        Map<String, Long> hits = new HashMap<>();
        jdbc.sql("SELECT f.table_id, f.code, COUNT(DISTINCT h.household_id) FROM assessment_head h "
                        + "JOIN assessment_finding f ON f.assessment_id = h.assessment_id "
                        + "WHERE h.household_id IN (SELECT id FROM registry_household WHERE status = 'ACTIVE') "
                        + "GROUP BY f.table_id, f.code")
                .query(rs -> {
                    hits.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                });
        long[] applicable = new long[rows.size()];
        long[] unknown = new long[rows.size()];
        long households = 0;
        long after = 0;
        for (List<Long> ids = registry.householdIdsAfter(after, PAGE); !ids.isEmpty();
             ids = registry.householdIdsAfter(after, PAGE)) {
            for (HouseholdSnapshot s : registry.snapshots(ids)) {
                households++;
                HouseholdInput in = s.input();
                String segment = segment(in, asOf);
                for (int i = 0; i < rows.size(); i++) {
                    RuleRowFacts r = rows.get(i);
                    if (r.appliesTo(in.householdClass().label(), segment)) {
                        applicable[i]++;
                        if (!FactPresence.unknown(in, r.recordedInputs()).isEmpty()) {
                            unknown[i]++;
                        }
                    }
                }
            }
            after = ids.get(ids.size() - 1);
        }
        List<RowView> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RuleRowFacts r = rows.get(i);
            out.add(new RowView(r.tableId(), r.tableTitle(), r.file(), r.sheet(), r.excelRow(), r.code(), r.outcome(),
                    r.conditions(), labels(r.recordedInputs()), hits.getOrDefault(r.tableId() + "/" + r.code(), 0L),
                    applicable[i], unknown[i]));
        }
        return new Report(p.version(), asOf, households, out);
    }

    /**
     * The recorded facts that the published rows applying to this household test and that it lacks (还缺), in
     * catalogue order.
     */
    @Transactional(readOnly = true)
    public List<FactDefinition> missing(long householdId) {
        HouseholdSnapshot s = registry.snapshot(householdId)
                .orElseThrow(() -> new HouseholdNotFoundException(householdId));
        HouseholdInput in = assessments.complete(s).input();
        LocalDate asOf = properties.asOfDate(clock);
        String segment = segment(in, asOf);
        Set<String> lacking = new LinkedHashSet<>();
        for (RuleRowFacts r : RuleRowFacts.of(policy.evaluator().policy(), asOf, FactCatalogue.STANDARD)) {
            if (r.appliesTo(in.householdClass().label(), segment)) {
                lacking.addAll(FactPresence.unknown(in, r.recordedInputs()));
            }
        }
        return FactCatalogue.STANDARD.all().stream().filter(d -> lacking.contains(d.key())).toList();
    }

    private static String segment(HouseholdInput in, LocalDate asOf) {
        return new HouseholdFacts(in, asOf, Map.of()).getSegment();
    }

    private static List<String> labels(Set<String> keys) {
        return FactCatalogue.STANDARD.all().stream().filter(d -> keys.contains(d.key()))
                .map(FactDefinition::label).toList();
    }
}
