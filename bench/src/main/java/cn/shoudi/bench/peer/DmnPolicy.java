package cn.shoudi.bench.peer;

import cn.shoudi.rules.facts.HouseholdFacts;
import cn.shoudi.rules.facts.HouseholdInput;
import cn.shoudi.rules.params.Parameter;
import cn.shoudi.rules.params.ParameterSet;
import cn.shoudi.rules.table.DecisionTable;
import cn.shoudi.rules.table.Policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identification (识别) and monitoring (监测对象纳入) tables as DMN 1.3 decision tables ({@code dmn/…}), evaluated by
 * a DMN engine that a subclass wires in. The household is turned into facts exactly as for Drools
 * ({@link HouseholdFacts}); parameters are resolved on the as-of date in Java and passed as inputs, as the Drools tables
 * resolve them through {@code param()}. The tables apply on the dates and fall back to the default outcomes of the
 * compiled policy's workbooks. Both DMN tables use the RULE ORDER hit policy, so every matching row is returned top to
 * bottom: the fired rule codes are the {@code code} outputs and the outcome is the first non-empty {@code outcome}, as
 * in {@code Evaluator}. Thread-safe when the engine is.
 */
public abstract class DmnPolicy {

    /** The decision (and file) ids of the two tables, the same as the workbooks' table ids. */
    static final String IDENTIFICATION = "identification";
    static final String MONITORING = "monitoring";

    /** Outcome and fired rule codes per table id, for the tables applying on the as-of date. */
    public record Result(Map<String, String> outcomes, Map<String, List<String>> codes) {
    }

    /** One matching row of a decision table: its {@code code} output and its {@code outcome} output (may be blank). */
    protected record MatchedRow(String code, String outcome) {
    }

    private static final List<String> IDENTIFICATION_PARAMS = List.of("house_acquired_since_year",
            "vehicle_value_threshold", "away_months_threshold", "poverty_line", "compulsory_age_from",
            "compulsory_age_to");
    private static final List<String> MONITORING_PARAMS = List.of("monitoring_line", "income_drop_trigger_pct");

    private final DecisionTable identificationTable;
    private final DecisionTable monitoringTable;
    private final ParameterSet parameters;

    /**
     * @param policy a compiled policy holding the identification and monitoring tables (for their dates and default
     *               outcomes) and the parameters
     */
    protected DmnPolicy(Policy policy) {
        this.identificationTable = table(policy, IDENTIFICATION);
        this.monitoringTable = table(policy, MONITORING);
        this.parameters = policy.parameters();
    }

    /**
     * Evaluates one decision table of the two.
     *
     * @param decisionId {@link #IDENTIFICATION} or {@link #MONITORING}
     * @param inputs     the table's inputs by name, parameters of the as-of date included; values may be null
     * @return the matching rows top to bottom (RULE ORDER), possibly none
     */
    protected abstract List<MatchedRow> decide(String decisionId, Map<String, Object> inputs);

    public final Result evaluate(HouseholdInput input, LocalDate asOf) {
        boolean identify = identificationTable.appliesOn(asOf);
        boolean monitor = monitoringTable.appliesOn(asOf);
        Map<String, Parameter> params = new HashMap<>();
        if (identify) {
            IDENTIFICATION_PARAMS.forEach(code -> params.put(code, parameters.require(code, asOf)));
        }
        if (monitor) {
            MONITORING_PARAMS.forEach(code -> params.put(code, parameters.require(code, asOf)));
        }
        HouseholdFacts f = new HouseholdFacts(input, asOf, params);
        Map<String, String> outcomes = new LinkedHashMap<>();
        Map<String, List<String>> codes = new LinkedHashMap<>();
        if (identify) {
            collect(identificationTable, decide(IDENTIFICATION, identificationInputs(f)), outcomes, codes);
        }
        if (monitor) {
            collect(monitoringTable, decide(MONITORING, monitoringInputs(f, List.copyOf(input.riskTypes()))),
                    outcomes, codes);
        }
        return new Result(outcomes, codes);
    }

    private static Map<String, Object> identificationInputs(HouseholdFacts f) {
        BigDecimal ageFrom = f.param("compulsory_age_from");
        BigDecimal ageTo = f.param("compulsory_age_to");
        Map<String, Object> in = new HashMap<>(48);
        in.put("householdClass", f.getHouseholdClass());
        in.put("publicEmployeeCount", f.getPublicEmployeeCount());
        in.put("villageCadreCount", f.getVillageCadreCount());
        in.put("majorPovertyCause", f.getMajorPovertyCause());
        in.put("houseAcquiredYear", f.getHouseAcquiredYear());
        in.put("houseAcquisitionExempt", f.getHouseAcquisitionExempt());
        in.put("highStandardRenovation", f.getHighStandardRenovation());
        in.put("townPropertyOrShop", f.getTownPropertyOrShop());
        in.put("vehicleValue", f.getVehicleValue());
        in.put("shipOrLargeMachinery", f.getShipOrLargeMachinery());
        in.put("runsEnterprise", f.getRunsEnterprise());
        in.put("awayMonths", f.getAwayMonths());
        in.put("incomeAboveLocalAverage", f.getIncomeAboveLocalAverage());
        in.put("splitOrMergedToQualify", f.getSplitOrMergedToQualify());
        in.put("unexplainedComplaint", f.getUnexplainedComplaint());
        in.put("perCapitaNetIncome", f.getPerCapitaNetIncome());
        in.put("outOfSchoolChildren", f.outOfSchoolChildren(ageFrom, ageTo));
        in.put("unsafeOrNoHouse", f.getUnsafeOrNoHouse());
        in.put("selfRepairCapacity", f.getSelfRepairCapacity());
        in.put("medicalCostBeyondAssets", f.getMedicalCostBeyondAssets());
        in.put("house_acquired_since_year", f.param("house_acquired_since_year"));
        in.put("vehicle_value_threshold", f.param("vehicle_value_threshold"));
        in.put("away_months_threshold", f.param("away_months_threshold"));
        in.put("poverty_line", f.param("poverty_line"));
        return in;
    }

    private static Map<String, Object> monitoringInputs(HouseholdFacts f, List<String> riskTypes) {
        Map<String, Object> in = new HashMap<>(24);
        in.put("householdClass", f.getHouseholdClass());
        in.put("perCapitaNetIncome", f.getPerCapitaNetIncome());
        in.put("perCapitaIncomeAfterRigidExpenditure", f.getPerCapitaIncomeAfterRigidExpenditure());
        in.put("incomeDropPercent", f.getIncomeDropPercent());
        in.put("riskCount", f.getRiskCount());
        in.put("guaranteeIssue", f.isGuaranteeIssue());
        in.put("selfCoping", f.isSelfCoping());
        in.put("riskTypes", riskTypes);
        in.put("monitored", f.isMonitored());
        in.put("monitoring_line", f.param("monitoring_line"));
        in.put("income_drop_trigger_pct", f.param("income_drop_trigger_pct"));
        return in;
    }

    private static void collect(DecisionTable table, List<MatchedRow> rows, Map<String, String> outcomes,
                                Map<String, List<String>> codes) {
        List<String> fired = new ArrayList<>(rows.size());
        String outcome = null;
        for (MatchedRow row : rows) {
            fired.add(row.code());
            if (outcome == null && row.outcome() != null && !row.outcome().isBlank()) {
                outcome = row.outcome();
            }
        }
        outcomes.put(table.id(), outcome == null ? table.defaultOutcome() : outcome);
        codes.put(table.id(), fired);
    }

    private static DecisionTable table(Policy policy, String id) {
        return policy.tables().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("policy " + policy.version() + " has no table " + id));
    }
}
