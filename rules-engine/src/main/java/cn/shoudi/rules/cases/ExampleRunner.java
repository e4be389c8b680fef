package cn.shoudi.rules.cases;

import cn.shoudi.rules.eval.Decision;
import cn.shoudi.rules.eval.Evaluator;
import cn.shoudi.rules.eval.Finding;
import cn.shoudi.rules.table.DecisionTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the example cases of every table of a policy against that policy: each example is decided by its own table
 * alone, which gives the table's decision exactly as a full evaluation does.
 */
public final class ExampleRunner {

    /** Runs one example. */
    public ExampleResult run(Evaluator evaluator, ExampleCase example) {
        try {
            Decision d = evaluator.decide(example.input(), example.asOf(), example.tableId());
            Set<String> codes = d.findings().stream().map(Finding::code).collect(Collectors.toSet());
            return new ExampleResult(example, d.outcome(), codes, null);
        } catch (RuntimeException e) {
            return new ExampleResult(example, null, Set.of(), e.getMessage());
        }
    }

    /** Runs every example of every table, in table and row order. */
    public List<ExampleResult> runAll(Evaluator evaluator) {
        List<ExampleResult> out = new ArrayList<>();
        for (DecisionTable t : evaluator.policy().tables()) {
            for (ExampleCase ex : t.examples()) {
                out.add(run(evaluator, ex));
            }
        }
        return out;
    }
}
