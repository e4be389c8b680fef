package cn.shoudi.bench.peer;

import cn.shoudi.bench.ExampleCursor;
import cn.shoudi.bench.Tables;
import cn.shoudi.rules.cases.ExampleCase;
import cn.shoudi.rules.eval.Evaluator;
import cn.shoudi.rules.table.Policy;
import cn.shoudi.rules.table.PolicyCompiler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;
import java.util.Set;

/**
 * The identification and monitoring tables only, for one household: Drools (a policy compiled from just those two
 * workbooks and the parameters) against DMN engines evaluating the same tables as DMN — Camunda 7 in its default
 * FEEL set-up and in its legacy FEEL/JUEL one, and KIE's own DMN engine — over the example households of both tables
 * in turn.
 */
public class PeerBenchmark {

    /** The workbooks the peer comparison compiles. */
    public static final Set<String> WORKBOOKS = Set.of("identification.xlsx", "monitoring.xlsx", "parameters.xlsx");

    /** The compiled policy, the DMN engines and the households, shared by all threads. */
    @State(Scope.Benchmark)
    public static class Shared {
        Policy policy;
        Evaluator evaluator;
        CamundaDmnPolicy camundaFeel;
        CamundaDmnPolicy camundaJuel;
        KieDmnPolicy kie;
        List<ExampleCase> households;

        @Setup(Level.Trial)
        public void setUp() {
            policy = new PolicyCompiler().compile("peer", Tables.shipped(WORKBOOKS));
            evaluator = new Evaluator(policy);
            camundaFeel = new CamundaDmnPolicy(policy, CamundaDmnPolicy.Feel.SCALA);
            camundaJuel = new CamundaDmnPolicy(policy, CamundaDmnPolicy.Feel.LEGACY_JUEL);
            kie = new KieDmnPolicy(policy);
            households = policy.tables().stream().flatMap(t -> t.examples().stream()).toList();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            policy.shutdown();
        }
    }


    @Benchmark
    public Object drools(Shared shared, ExampleCursor cursor) {
        ExampleCase ex = cursor.take(shared.households);
        return shared.evaluator.evaluate(ex.input(), ex.asOf());
    }

    @Benchmark
    public Object camundaFeel(Shared shared, ExampleCursor cursor) {
        return evaluate(shared.camundaFeel, cursor.take(shared.households));
    }

    @Benchmark
    public Object camundaJuel(Shared shared, ExampleCursor cursor) {
        return evaluate(shared.camundaJuel, cursor.take(shared.households));
    }

    @Benchmark
    public Object kieDmn(Shared shared, ExampleCursor cursor) {
        return evaluate(shared.kie, cursor.take(shared.households));
    }

    private static Object evaluate(DmnPolicy peer, ExampleCase ex) {
        return peer.evaluate(ex.input(), ex.asOf());
    }
}
