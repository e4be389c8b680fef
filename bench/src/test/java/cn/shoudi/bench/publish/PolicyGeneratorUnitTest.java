package cn.shoudi.bench.publish;

import cn.shoudi.bench.Tables;
import cn.shoudi.rules.cases.ExampleResult;
import cn.shoudi.rules.cases.ExampleRunner;
import cn.shoudi.rules.eval.Evaluator;
import cn.shoudi.rules.table.Policy;
import cn.shoudi.rules.table.PolicyCompiler;
import cn.shoudi.rules.table.TableAnalysis;
import cn.shoudi.rules.table.TableSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated large policy is one the service would accept: it has the requested number of rows, compiles, every
 * example (shipped and generated) passes and the table analysis finds no error; otherwise its publish time would
 * measure a rejected upload.
 */
class PolicyGeneratorUnitTest {

    @Test
    void growsTheShippedPolicyIntoAValidPolicyWithTheRequestedRows() {
        List<TableSource> shipped = Tables.shipped();
        int shippedRows = PolicyGenerator.rowCount(shipped);
        assertThat(shippedRows).isEqualTo(91);

        List<TableSource> grown = PolicyGenerator.grow(shipped, shippedRows + 30);

        assertThat(PolicyGenerator.rowCount(grown)).isEqualTo(shippedRows + 30);
        Policy policy = new PolicyCompiler().compile("generated", grown);
        try {
            List<ExampleResult> results = new ExampleRunner().runAll(new Evaluator(policy));
            assertThat(results).filteredOn(r -> !r.passed()).extracting(ExampleResult::describe).isEmpty();
            assertThat(results).filteredOn(r -> r.example().id().startsWith("G")).hasSize(30);
            Map<String, Set<String>> fired = new HashMap<>();
            results.forEach(r -> fired.computeIfAbsent(r.example().tableId(), k -> new HashSet<>())
                    .addAll(r.actualCodes()));
            assertThat(TableAnalysis.analyse(policy, fired)).filteredOn(TableAnalysis.Result::error).isEmpty();
        } finally {
            policy.shutdown();
        }
    }
}
