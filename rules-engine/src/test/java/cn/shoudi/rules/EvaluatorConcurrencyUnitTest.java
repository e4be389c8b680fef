package cn.shoudi.rules;

import cn.shoudi.rules.cases.ExampleCase;
import cn.shoudi.rules.eval.Evaluation;
import cn.shoudi.rules.eval.Evaluator;
import cn.shoudi.rules.table.DecisionTable;
import cn.shoudi.rules.table.Policy;
import cn.shoudi.rules.table.PolicyCompiler;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;

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
    void rebuildingThePolicyLeavesNothingInTheKieRepository() {
        KieServices ks = KieServices.Factory.get();
        for (int i = 0; i < 3; i++) {
            Policy policy = new PolicyCompiler().compile("rebuild-" + i, PolicyFixtures.shippedSources());
            String[] gav = policy.releaseId().split(":");
            ReleaseId id = ks.newReleaseId(gav[0], gav[1], gav[2]);
            assertThat(ks.getRepository().getKieModule(id)).as("module of build " + i).isNull();
            assertThat(policy.tables()).extracting(DecisionTable::id).contains("monitoring");
            policy.shutdown();
        }
    }
}
