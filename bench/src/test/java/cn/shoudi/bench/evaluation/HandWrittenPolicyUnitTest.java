package cn.shoudi.bench.evaluation;

import cn.shoudi.bench.Tables;
import cn.shoudi.rules.cases.ExampleCase;
import cn.shoudi.rules.eval.Decision;
import cn.shoudi.rules.eval.Evaluation;
import cn.shoudi.rules.eval.Evaluator;
import cn.shoudi.rules.eval.Finding;
import cn.shoudi.rules.table.Policy;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's hand-written baseline decides exactly as the shipped tables do, on every example of every table, for
 * the same tables applying on the example's date; otherwise the ratio it gives would mean nothing.
 */
class HandWrittenPolicyUnitTest {

    @TestFactory
    Stream<DynamicTest> theHandWrittenBaselineAgreesWithTheTablesOnEveryExample() {
        Policy policy = Tables.compileShipped();
        Evaluator evaluator = new Evaluator(policy);
        HandWrittenPolicy hand = new HandWrittenPolicy(policy.parameters());
        return policy.tables().stream().flatMap(t -> t.examples().stream()).map(ex -> DynamicTest.dynamicTest(
                ex.tableId() + " " + ex.id(), () -> compare(evaluator, hand, ex)));
    }

    private static void compare(Evaluator evaluator, HandWrittenPolicy hand, ExampleCase ex) {
        Evaluation drools = evaluator.evaluate(ex.input(), ex.asOf());
        HandWrittenPolicy.Result java = hand.evaluate(ex.input(), ex.asOf());
        assertThat(java.outcomes().keySet()).as("tables applying on " + ex.asOf())
                .containsExactlyInAnyOrderElementsOf(drools.decisions().keySet());
        for (Decision d : drools.decisions().values()) {
            assertThat(java.outcomes().get(d.tableId())).as(d.tableId() + " outcome").isEqualTo(d.outcome());
            assertThat(java.codes().get(d.tableId())).as(d.tableId() + " codes")
                    .containsExactlyInAnyOrderElementsOf(d.findings().stream().map(Finding::code).toList());
        }
    }
}
