package cn.shoudi.rules;

import cn.shoudi.rules.cases.ExampleCase;
import cn.shoudi.rules.cases.ExampleResult;
import cn.shoudi.rules.cases.ExampleRunner;
import cn.shoudi.rules.eval.Evaluator;
import cn.shoudi.rules.table.DecisionTable;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example row of every shipped decision table, one JUnit result per row.
 */
class DecisionTableExamplesUnitTest {

    @TestFactory
    Stream<DynamicContainer> everyExampleRowOfEveryTableGivesItsExpectedOutcome() {
        Evaluator evaluator = new Evaluator(PolicyFixtures.shippedPolicy());
        ExampleRunner runner = new ExampleRunner();
        assertThat(evaluator.policy().tables()).extracting(DecisionTable::id).contains("monitoring");
        return evaluator.policy().tables().stream().map(t -> DynamicContainer.dynamicContainer(t.fileName(),
                t.examples().stream().map(ex -> DynamicTest.dynamicTest(name(ex), () -> {
                    ExampleResult result = runner.run(evaluator, ex);
                    assertThat(result.passed()).as(result.describe()).isTrue();
                }))));
    }

    @org.junit.jupiter.api.Test
    void oneTableAloneDecidesExactlyAsTheWholePolicyDoes() {
        Evaluator evaluator = new Evaluator(PolicyFixtures.shippedPolicy());
        int compared = 0;
        for (DecisionTable example : evaluator.policy().tables()) {
            for (ExampleCase ex : example.examples()) {
                var whole = evaluator.evaluate(ex.input(), ex.asOf());
                for (DecisionTable t : evaluator.policy().tablesOn(ex.asOf())) {
                    assertThat(evaluator.decide(ex.input(), ex.asOf(), t.id()))
                            .as("%s decided by %s alone", name(ex), t.id()).isEqualTo(whole.decision(t.id()));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    private static String name(ExampleCase ex) {
        return ex.id() + " 行" + ex.at().row() + " " + ex.description();
    }
}
