package cn.shoudi.rules;

import cn.shoudi.rules.cases.ExampleCase;
import cn.shoudi.rules.eval.Evaluation;
import cn.shoudi.rules.eval.Evaluator;
import cn.shoudi.rules.table.DecisionTable;
import cn.shoudi.rules.table.Policy;
import cn.shoudi.rules.table.PolicyCompiler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluatorConcurrencyUnitTest {

    @Test
    void evaluationsOnManyThreadsGiveTheSameResultsAsOneThread() throws Exception {
        Evaluator evaluator = new Evaluator(PolicyFixtures.shippedPolicy());
        List<ExampleCase> examples = evaluator.policy().tables().stream()
                .flatMap(t -> t.examples().stream()).toList();
        List<Evaluation> expected = examples.stream().map(e -> evaluator.evaluate(e.input(), e.asOf())).toList();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int round = 0; round < 40; round++) {
                for (int i = 0; i < examples.size(); i++) {
                    int n = i;
                    runs.add(pool.submit(() -> evaluator.evaluate(examples.get(n).input(), examples.get(n).asOf())
                            .equals(expected.get(n))));
                }
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void policiesBuiltOneAfterAnotherAreIndependent() {
        Policy first = new PolicyCompiler().compile("rebuild-1", PolicyFixtures.shippedSources());
        Evaluator evaluator = new Evaluator(first);
        List<ExampleCase> examples = first.tables().stream().flatMap(t -> t.examples().stream()).toList();
        assertThat(examples).isNotEmpty();
        List<Evaluation> expected = examples.stream().map(e -> evaluator.evaluate(e.input(), e.asOf())).toList();
        for (int i = 2; i <= 3; i++) {
            Policy next = new PolicyCompiler().compile("rebuild-" + i, PolicyFixtures.shippedSources());
            assertThat(next.tables()).extracting(DecisionTable::id).contains("monitoring");
            next.shutdown(); // releasing a later policy's sessions leaves the first one working
        }
        for (int n = 0; n < examples.size(); n++) {
            assertThat(evaluator.evaluate(examples.get(n).input(), examples.get(n).asOf())).isEqualTo(expected.get(n));
        }
        first.shutdown();
    }
}
