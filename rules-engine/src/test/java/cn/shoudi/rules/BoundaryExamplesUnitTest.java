package cn.shoudi.rules;

import cn.shoudi.rules.cases.ExampleCase;
import cn.shoudi.rules.facts.HouseholdFacts;
import cn.shoudi.rules.params.Parameter;
import cn.shoudi.rules.table.Column;
import cn.shoudi.rules.table.ColumnKind;
import cn.shoudi.rules.table.DecisionTable;
import cn.shoudi.rules.table.Policy;
import cn.shoudi.rules.table.RuleRow;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every numeric threshold a table compares a fact with (a number or a parameter in a condition cell) has boundary
 * examples in that table's examples sheet: one whose fact equals the threshold, one a unit under and one a unit over
 * (within one unit: one yuan, one day, one person, one percentage point), with the parameters of the example's as-of
 * date.
 */
class BoundaryExamplesUnitTest {

    private static final Pattern FACT_VS_CELL =
            Pattern.compile("^\\s*(\\w+)\\s*(<=|>=|<|>|==)\\s*(param\\(\"\\$param\"\\)|\\$param)\\s*$");

    @TestFactory
    Stream<DynamicTest> everyNumericThresholdHasExamplesAtUnderAndOverIt() {
        Policy policy = PolicyFixtures.shippedPolicy();
        Map<String, DynamicTest> tests = new java.util.LinkedHashMap<>();
        for (DecisionTable t : policy.tables()) {
            for (Column col : t.columns()) {
                Matcher m = FACT_VS_CELL.matcher(col.snippet());
                if (col.kind() != ColumnKind.CONDITION || !m.matches()
                        || !HouseholdFacts.INPUT_NAMES.containsKey(m.group(1))) {
                    continue;
                }
                String fact = m.group(1);
                for (RuleRow row : t.rules()) {
                    String cell = row.cell(col.index());
                    if (cell == null || cell.equals("true") || cell.equals("false")) {
                        continue;
                    }
                    String name = t.fileName() + " " + fact + " " + m.group(2) + " " + cell;
                    tests.putIfAbsent(name, DynamicTest.dynamicTest(name, () -> assertBoundaries(policy, t, fact, cell)));
                }
            }
        }
        return tests.values().stream();
    }

    private static void assertBoundaries(Policy policy, DecisionTable t, String fact, String cell) {
        boolean at = false;
        boolean under = false;
        boolean over = false;
        for (ExampleCase ex : t.examples()) {
            BigDecimal threshold = threshold(policy, cell, ex);
            if (threshold == null) {
                continue;
            }
            Object v = facts(policy, ex).input(fact);
            if (!(v instanceof Number n)) {
                continue;
            }
            BigDecimal value = new BigDecimal(n.toString());
            int cmp = value.compareTo(threshold);
            at |= cmp == 0;
            under |= cmp < 0 && threshold.subtract(value).compareTo(BigDecimal.ONE) <= 0;
            over |= cmp > 0 && value.subtract(threshold).compareTo(BigDecimal.ONE) <= 0;
        }
        if (threshold0(policy, cell) && !under) {
            under = true; // a count cannot go below zero
        }
        assertThat(List.of(at, under, over)).as("examples of %s at / just under / just over the threshold %s of %s",
                t.fileName(), cell, fact).containsExactly(true, true, true);
    }

    private static boolean threshold0(Policy policy, String cell) {
        try {
            return new BigDecimal(cell).signum() == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static BigDecimal threshold(Policy policy, String cell, ExampleCase ex) {
        try {
            return new BigDecimal(cell);
        } catch (NumberFormatException e) {
            return policy.parameters().find(cell, ex.asOf()).map(Parameter::value).orElse(null);
        }
    }

    private static HouseholdFacts facts(Policy policy, ExampleCase ex) {
        Map<String, Parameter> params = new HashMap<>();
        for (String code : policy.parameters().codes()) {
            policy.parameters().find(code, ex.asOf()).ifPresent(p -> params.put(code, p));
        }
        return new HouseholdFacts(ex.input(), ex.asOf(), params);
    }
}
