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
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every DMN peer of figure 2 decides exactly as the workbooks do under Drools, on every example household of the
 * identification and monitoring tables: same tables applying, same outcome, same fired rule codes. Otherwise the peer
 * figure would compare different work.
 */
class DmnPolicyUnitTest {

    private static Policy policy;
    private static Evaluator drools;
    private static Map<String, DmnPolicy> peers;

    @BeforeAll
    static void compile() {
        policy = new PolicyCompiler().compile("peer-test", Tables.shipped(PeerBenchmark.WORKBOOKS));
        drools = new Evaluator(policy);
        peers = Map.of("Camunda, FEEL Scala", new CamundaDmnPolicy(policy, CamundaDmnPolicy.Feel.SCALA),
                "Camunda, legacy FEEL and JUEL", new CamundaDmnPolicy(policy, CamundaDmnPolicy.Feel.LEGACY_JUEL),
                "KIE DMN", new KieDmnPolicy(policy));
    }

    @AfterAll
    static void shutdown() {
        policy.shutdown();
    }

    @TestFactory
    Stream<DynamicContainer> everyPeerAgreesWithDroolsOnEveryExampleOfBothTables() {
        assertThat(policy.tables()).extracting(t -> t.id()).containsExactlyInAnyOrder("identification", "monitoring");
        List<ExampleCase> examples = policy.tables().stream().flatMap(t -> t.examples().stream()).toList();
        assertThat(examples).isNotEmpty();
        return peers.entrySet().stream().map(peer -> DynamicContainer.dynamicContainer(peer.getKey(),
                examples.stream().map(ex -> DynamicTest.dynamicTest(ex.tableId() + " " + ex.id(),
                        () -> compare(peer.getValue(), ex)))));
    }

    private static void compare(DmnPolicy peer, ExampleCase ex) {
        Evaluation expected = drools.evaluate(ex.input(), ex.asOf());
        DmnPolicy.Result actual = peer.evaluate(ex.input(), ex.asOf());
        assertThat(actual.outcomes().keySet()).as("tables applying on " + ex.asOf())
                .containsExactlyInAnyOrderElementsOf(expected.decisions().keySet());
        for (Decision d : expected.decisions().values()) {
            assertThat(actual.outcomes().get(d.tableId())).as(d.tableId() + " outcome").isEqualTo(d.outcome());
            assertThat(actual.codes().get(d.tableId())).as(d.tableId() + " fired rule codes")
                    .containsExactlyInAnyOrderElementsOf(d.findings().stream().map(Finding::code).toList());
        }
    }
}
