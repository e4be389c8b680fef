package cn.shoudi.bench.evaluation;

import cn.shoudi.bench.ExampleCursor;
import cn.shoudi.bench.Tables;
import cn.shoudi.rules.cases.ExampleCase;
import cn.shoudi.rules.eval.Evaluator;
import cn.shoudi.rules.table.Policy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;

/**
 * Evaluation of the full default policy for one household: Drools (the shipped XLSX tables) against the hand-written
 * Java baseline, over the example households of every table in turn.
 */
public class EvaluationBenchmark {

    /** The compiled policy and the households, shared by all threads. */
    @State(Scope.Benchmark)
    public static class Shared {
        Policy policy;
        Evaluator evaluator;
        HandWrittenPolicy hand;
        List<ExampleCase> households;

        @Setup(Level.Trial)
        public void setUp() {
            policy = Tables.compileShipped();
            evaluator = new Evaluator(policy);
            hand = new HandWrittenPolicy(policy.parameters());
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
    public Object handWritten(Shared shared, ExampleCursor cursor) {
        ExampleCase ex = cursor.take(shared.households);
        return shared.hand.evaluate(ex.input(), ex.asOf());
    }
}
