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
 * workbooks and the parameters) against Camunda 7's DMN engine evaluating the same tables as DMN, over the example
 * households of both tables in turn.
 */
public class PeerBenchmark {

    /** The workbooks the peer comparison compiles. */
    public static final Set<String> WORKBOOKS = Set.of("identification.xlsx", "monitoring.xlsx", "parameters.xlsx");

    /** The compiled policy, the DMN engine and the households, shared by all threads. */
    @State(Scope.Benchmark)
    public static class Shared {
        Policy policy;
        Evaluator evaluator;
        CamundaDmnPolicy camunda;
        List<ExampleCase> households;

        @Setup(Level.Trial)
        public void setUp() {
            policy = new PolicyCompiler().compile("peer", Tables.shipped(WORKBOOKS));
            evaluator = new Evaluator(policy);
            camunda = new CamundaDmnPolicy(policy);
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
    public Object camundaDmn(Shared shared, ExampleCursor cursor) {
        ExampleCase ex = cursor.take(shared.households);
        return shared.camunda.evaluate(ex.input(), ex.asOf());
    }
}
