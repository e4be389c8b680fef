package cn.shoudi.assessment;

import cn.shoudi.rules.eval.Decision;
import cn.shoudi.rules.eval.Evaluation;
import cn.shoudi.rules.eval.Evaluator;
import cn.shoudi.rules.facts.HouseholdInput;
import cn.shoudi.rules.table.DecisionTable;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an assessment evaluates a household ({@code shoudi.assessment.evaluator}): {@link #POLICY}, the published
 * policy's Drools evaluator, is the only setting for real use. {@link #NOOP} is for benchmarks only (the I/O floor):
 * Drools is not called; every table that applies on the as-of date answers its default outcome with no finding.
 * Everything around the evaluation (reading, hashing, writing assessments, events) stays the real path.
 */
enum EvaluatorMode {
    POLICY,
    NOOP;

    Evaluation evaluate(Evaluator evaluator, HouseholdInput household, LocalDate asOf) {
        if (this == POLICY) {
            return evaluator.evaluate(household, asOf);
        }
        Map<String, Decision> decisions = new LinkedHashMap<>();
        for (DecisionTable t : evaluator.policy().tablesOn(asOf)) {
            decisions.put(t.id(), new Decision(t.id(), t.title(), t.defaultOutcome(), List.of()));
        }
        return new Evaluation(evaluator.policy().version(), household.householdId(), asOf, decisions);
    }
}
