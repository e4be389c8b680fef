package cn.shoudi.bench.peer;

import cn.shoudi.rules.facts.HouseholdFacts;
import cn.shoudi.rules.facts.HouseholdInput;
import cn.shoudi.rules.params.Parameter;
import cn.shoudi.rules.params.ParameterSet;
import cn.shoudi.rules.table.DecisionTable;
import cn.shoudi.rules.table.Policy;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identification (识别) and monitoring (监测对象纳入) tables as DMN 1.3 ({@code dmn/*.dmn}), evaluated by Camunda 7's
 * standalone DMN engine as its documentation recommends: one engine from the default configuration, each decision
 * parsed once, {@code evaluateDecisionTable} per household; no process engine and so no history. Thread-safe.
 *
 * <p>The household is turned into facts exactly as for Drools ({@link HouseholdFacts}); parameters are resolved on the
 * as-of date in Java and passed as inputs, as the Drools tables resolve them through {@code param()}. The tables apply
 * on the dates and fall back to the default outcomes of the compiled policy's workbooks. Both DMN tables use the
 * RULE ORDER hit policy, so every matching row is returned top to bottom: the fired rule codes are the {@code code}
 * outputs and the outcome is the first non-empty {@code outcome}, as in {@code Evaluator}.
 */
public final class CamundaDmnPolicy {

    /** Outcome and fired rule codes per table id, for the tables applying on the as-of date. */
    public record Result(Map<String, String> outcomes, Map<String, List<String>> codes) {
    }

    private static final List<String> IDENTIFICATION_PARAMS = List.of("house_acquired_since_year",
            "vehicle_value_threshold", "away_months_threshold", "poverty_line", "compulsory_age_from",
            "compulsory_age_to");
    private static final List<String> MONITORING_PARAMS = List.of("monitoring_line", "income_drop_trigger_pct");

    private final DmnEngine engine;
    private final DmnDecision identification;
    private final DmnDecision monitoring;
    private final DecisionTable identificationTable;
    private final DecisionTable monitoringTable;
    private final ParameterSet parameters;

    /**
     * @param policy a compiled policy holding the identification and monitoring tables (for their dates and default
     *               outcomes) and the parameters
     */
    public CamundaDmnPolicy(Policy policy) {
        this.engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        this.identification = parse("identification");
        this.monitoring = parse("monitoring");
        this.identificationTable = table(policy, "identification");
        this.monitoringTable = table(policy, "monitoring");
        this.parameters = policy.parameters();
    }

    public Result evaluate(HouseholdInput input, LocalDate asOf) {
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
            collect(identificationTable, engine.evaluateDecisionTable(identification, identificationInputs(f)),
                    outcomes, codes);
        }
        if (monitor) {
            collect(monitoringTable, engine.evaluateDecisionTable(monitoring,
                    monitoringInputs(f, List.copyOf(input.riskTypes()))), outcomes, codes);
        }
        return new Result(outcomes, codes);
    }

    private static VariableMap identificationInputs(HouseholdFacts f) {
        BigDecimal ageFrom = f.param("compulsory_age_from");
        BigDecimal ageTo = f.param("compulsory_age_to");
        return Variables.createVariables()
                .putValue("householdClass", f.getHouseholdClass())
                .putValue("publicEmployeeCount", f.getPublicEmployeeCount())
                .putValue("villageCadreCount", f.getVillageCadreCount())
                .putValue("majorPovertyCause", f.getMajorPovertyCause())
                .putValue("houseAcquiredYear", f.getHouseAcquiredYear())
                .putValue("houseAcquisitionExempt", f.getHouseAcquisitionExempt())
                .putValue("highStandardRenovation", f.getHighStandardRenovation())
                .putValue("townPropertyOrShop", f.getTownPropertyOrShop())
                .putValue("vehicleValue", f.getVehicleValue())
                .putValue("shipOrLargeMachinery", f.getShipOrLargeMachinery())
                .putValue("runsEnterprise", f.getRunsEnterprise())
                .putValue("awayMonths", f.getAwayMonths())
                .putValue("incomeAboveLocalAverage", f.getIncomeAboveLocalAverage())
                .putValue("splitOrMergedToQualify", f.getSplitOrMergedToQualify())
                .putValue("unexplainedComplaint", f.getUnexplainedComplaint())
                .putValue("perCapitaNetIncome", f.getPerCapitaNetIncome())
                .putValue("outOfSchoolChildren", f.outOfSchoolChildren(ageFrom, ageTo))
                .putValue("unsafeOrNoHouse", f.getUnsafeOrNoHouse())
                .putValue("selfRepairCapacity", f.getSelfRepairCapacity())
                .putValue("medicalCostBeyondAssets", f.getMedicalCostBeyondAssets())
                .putValue("house_acquired_since_year", f.param("house_acquired_since_year"))
                .putValue("vehicle_value_threshold", f.param("vehicle_value_threshold"))
                .putValue("away_months_threshold", f.param("away_months_threshold"))
                .putValue("poverty_line", f.param("poverty_line"));
    }

    private static VariableMap monitoringInputs(HouseholdFacts f, List<String> riskTypes) {
        return Variables.createVariables()
                .putValue("householdClass", f.getHouseholdClass())
                .putValue("perCapitaNetIncome", f.getPerCapitaNetIncome())
                .putValue("perCapitaIncomeAfterRigidExpenditure", f.getPerCapitaIncomeAfterRigidExpenditure())
                .putValue("incomeDropPercent", f.getIncomeDropPercent())
                .putValue("riskCount", f.getRiskCount())
                .putValue("guaranteeIssue", f.isGuaranteeIssue())
                .putValue("selfCoping", f.isSelfCoping())
                .putValue("riskTypes", riskTypes)
                .putValue("monitored", f.isMonitored())
                .putValue("monitoring_line", f.param("monitoring_line"))
                .putValue("income_drop_trigger_pct", f.param("income_drop_trigger_pct"));
    }

    private static void collect(DecisionTable table, DmnDecisionTableResult result, Map<String, String> outcomes,
                                Map<String, List<String>> codes) {
        List<String> fired = new ArrayList<>(result.size());
        String outcome = null;
        for (DmnDecisionRuleResult row : result) {
            fired.add(row.getEntry("code"));
            Object o = row.get("outcome");
            if (outcome == null && o instanceof String s && !s.isBlank()) {
                outcome = s;
            }
        }
        outcomes.put(table.id(), outcome == null ? table.defaultOutcome() : outcome);
        codes.put(table.id(), fired);
    }

    private DmnDecision parse(String id) {
        try (InputStream in = CamundaDmnPolicy.class.getResourceAsStream("/dmn/" + id + ".dmn")) {
            if (in == null) {
                throw new IllegalStateException("no dmn/" + id + ".dmn on the class path");
            }
            return engine.parseDecision(id, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DecisionTable table(Policy policy, String id) {
        return policy.tables().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("policy " + policy.version() + " has no table " + id));
    }
}
