package cn.shoudi.rules.bench;

import cn.shoudi.rules.facts.HouseholdFacts;
import cn.shoudi.rules.facts.HouseholdInput;
import cn.shoudi.rules.params.Parameter;
import cn.shoudi.rules.params.ParameterSet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default decision tables written by hand in plain Java: the practical floor that the Drools evaluation is
 * measured against. It must give the same outcomes and rule codes as the shipped tables on every example
 * ({@code HandWrittenPolicyUnitTest}); when a table changes, change this class with it.
 */
public final class HandWrittenPolicy {

    /** Outcome and fired rule codes per table id. */
    public record Result(Map<String, String> outcomes, Map<String, List<String>> codes) {
    }

    private final ParameterSet parameters;

    public HandWrittenPolicy(ParameterSet parameters) {
        this.parameters = parameters;
    }

    public Result evaluate(HouseholdInput input, LocalDate asOf) {
        Map<String, Parameter> params = new HashMap<>();
        for (String code : parameters.codes()) {
            parameters.find(code, asOf).ifPresent(p -> params.put(code, p));
        }
        HouseholdFacts f = new HouseholdFacts(input, asOf, params);
        Map<String, String> outcomes = new LinkedHashMap<>();
        Map<String, List<String>> codes = new LinkedHashMap<>();
        if (!asOf.isBefore(LocalDate.of(2019, 1, 1))) {
            monitoring(f, outcomes, codes);
        }
        return new Result(outcomes, codes);
    }

    private static void monitoring(HouseholdFacts f, Map<String, String> outcomes, Map<String, List<String>> codes) {
        List<String> fired = new ArrayList<>();
        String outcome = null;
        BigDecimal line = f.param("monitoring_line");
        boolean eligibleClass = f.householdClassIn("脱贫户、一般农户");
        boolean cannotCope = !f.isSelfCoping();
        if (f.getHouseholdClass().equals("脱贫户") && f.getPerCapitaNetIncome().compareTo(line) <= 0
                && f.getRiskCount() >= 1 && cannotCope) {
            fired.add("M-1");
            outcome = "脱贫不稳定户";
        }
        if (f.getHouseholdClass().equals("一般农户") && f.getPerCapitaNetIncome().compareTo(line) <= 0
                && f.getRiskCount() >= 1 && cannotCope) {
            fired.add("M-2");
            outcome = outcome == null ? "边缘易致贫户" : outcome;
        }
        boolean above = f.getPerCapitaNetIncome().compareTo(line) > 0;
        if (eligibleClass && above && cannotCope) {
            if (f.getPerCapitaIncomeAfterRigidExpenditure().compareTo(line) <= 0) {
                fired.add("M-3a");
            }
            if (f.getIncomeDropPercent().compareTo(f.param("income_drop_trigger_pct")) >= 0) {
                fired.add("M-3b");
            }
            if (f.isGuaranteeIssue()) {
                fired.add("M-3c");
            }
            if (outcome == null && fired.stream().anyMatch(c -> c.startsWith("M-3"))) {
                outcome = "突发严重困难户";
            }
        }
        outcomes.put("monitoring", outcome == null ? "不纳入" : outcome);
        codes.put("monitoring", fired);
    }
}
