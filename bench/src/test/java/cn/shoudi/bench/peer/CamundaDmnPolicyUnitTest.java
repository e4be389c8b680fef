package cn.shoudi.bench.peer;

import cn.shoudi.bench.Tables;
import cn.shoudi.rules.cases.ExampleCase;
import cn.shoudi.rules.eval.Decision;
import cn.shoudi.rules.eval.Evaluation;
import cn.shoudi.rules.eval.Evaluator;
import cn.shoudi.rules.eval.Finding;
import cn.shoudi.rules.table.Policy;
import cn.shoudi.rules.table.PolicyCompiler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DMN form of the identification and monitoring tables decides exactly as the workbooks do under Drools, on every
 * example household of both tables: same tables applying, same outcome, same fired rule codes. Otherwise the peer
 * figure would compare different work.
 */
class CamundaDmnPolicyUnitTest {

    private static Policy policy;
    private static Evaluator drools;
    private static CamundaDmnPolicy camunda;

    @BeforeAll
    static void compile() {
        policy = new PolicyCompiler().compile("peer-test", Tables.shipped(PeerBenchmark.WORKBOOKS));
        drools = new Evaluator(policy);
        camunda = new CamundaDmnPolicy(policy);
    }

    @AfterAll
    static void shutdown() {
        policy.shutdown();
    }

    @TestFactory
    Stream<DynamicTest> camundaDmnAgreesWithDroolsOnEveryExampleOfBothTables() {
        assertThat(policy.tables()).extracting(t -> t.id()).containsExactlyInAnyOrder("identification", "monitoring");
        return policy.tables().stream().flatMap(t -> t.examples().stream())
                .map(ex -> DynamicTest.dynamicTest(ex.tableId() + " " + ex.id(), () -> compare(ex)));
    }

    private static void compare(ExampleCase ex) {
        Evaluation expected = drools.evaluate(ex.input(), ex.asOf());
        CamundaDmnPolicy.Result actual = camunda.evaluate(ex.input(), ex.asOf());
        assertThat(actual.outcomes().keySet()).as("tables applying on " + ex.asOf())
                .containsExactlyInAnyOrderElementsOf(expected.decisions().keySet());
        for (Decision d : expected.decisions().values()) {
            assertThat(actual.outcomes().get(d.tableId())).as(d.tableId() + " outcome").isEqualTo(d.outcome());
            assertThat(actual.codes().get(d.tableId())).as(d.tableId() + " fired rule codes")
                    .containsExactlyInAnyOrderElementsOf(d.findings().stream().map(Finding::code).toList());
        }
    }
}
