package cn.shoudi.policy;

import cn.shoudi.rules.cases.ExampleCase;
import cn.shoudi.rules.cases.ExampleResult;
import cn.shoudi.rules.cases.ExampleRunner;
import cn.shoudi.rules.eval.Evaluation;
import cn.shoudi.rules.eval.Evaluator;
import cn.shoudi.rules.table.DecisionTable;
import cn.shoudi.rules.table.Policy;
import cn.shoudi.rules.table.PolicyCompiler;
import cn.shoudi.rules.table.PolicyValidationException;
import cn.shoudi.rules.table.TableAnalysis;
import cn.shoudi.rules.table.TableSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Validates a candidate set of workbooks: exact header vocabulary, compile errors mapped to their cells, parameter
 * coverage, every table's example cases (a failing example blocks the version), table analysis (rows that can never
 * fire block; overlapping rows with different outcomes and rows no example covers are warnings) and cross-table
 * contradictions on the example households.
 */
@Component
class PolicyValidator {

    private static final Set<String> MONITORING_CATEGORIES = Set.of("脱贫不稳定户", "边缘易致贫户", "突发严重困难户");

    /** The report and, when valid, the compiled evaluator. */
    record Outcome(ValidationReport report, Evaluator evaluator) {
    }

    Outcome validate(String label, List<TableSource> sources) {
        Policy policy;
        try {
            policy = new PolicyCompiler().compile(label, sources);
        } catch (PolicyValidationException e) {
            List<ValidationReport.Issue> errors = e.errors().stream().map(err -> new ValidationReport.Issue(
                    err.at().file(), err.at().sheet(), err.at().row(), err.at().columnLetter(), err.at().a1(),
                    err.code(), err.at().describeZh() + "：" + err.messageZh(), err.messageEn())).toList();
            return new Outcome(new ValidationReport(false, errors, List.of(), List.of(), List.of()), null);
        }
        Evaluator evaluator = new Evaluator(policy);
        List<ExampleResult> results = new ExampleRunner().runAll(evaluator);
        List<ValidationReport.TableSummary> tables = new ArrayList<>();
        for (DecisionTable t : policy.tables()) {
            List<ExampleResult> mine = results.stream().filter(r -> r.example().tableId().equals(t.id())).toList();
            tables.add(new ValidationReport.TableSummary(t.fileName(), t.title(), t.rules().size(), mine.size(),
                    (int) mine.stream().filter(ExampleResult::passed).count()));
        }
        List<String> failures = results.stream().filter(r -> !r.passed()).map(ExampleResult::describe).toList();
        List<String> warnings = new ArrayList<>(contradictions(evaluator, policy));
        java.util.Map<String, java.util.Set<String>> fired = new java.util.HashMap<>();
        results.forEach(r -> fired.computeIfAbsent(r.example().tableId(), k -> new java.util.HashSet<>())
                .addAll(r.actualCodes()));
        List<ValidationReport.Issue> errors = new ArrayList<>();
        for (TableAnalysis.Result r : TableAnalysis.analyse(policy, fired)) {
            if (r.error()) {
                errors.add(new ValidationReport.Issue(r.at().file(), r.at().sheet(), r.at().row(),
                        r.at().columnLetter(), r.at().a1(), r.code(), r.at().describeZh() + "：" + r.messageZh(),
                        r.messageEn()));
            } else {
                warnings.add(r.at().describeZh() + "：" + r.messageZh());
            }
        }
        boolean valid = failures.isEmpty() && errors.isEmpty();
        return new Outcome(new ValidationReport(valid, errors, tables, failures, warnings), valid ? evaluator : null);
    }

    /** Example households that one table lets exit while another takes them into monitoring, and the like. */
    private static List<String> contradictions(Evaluator evaluator, Policy policy) {
        List<String> out = new ArrayList<>();
        for (DecisionTable t : policy.tables()) {
            for (ExampleCase ex : t.examples()) {
                Evaluation e;
                try {
                    e = evaluator.evaluate(ex.input(), ex.asOf());
                } catch (RuntimeException failed) {
                    continue;
                }
                String exit = e.decisions().containsKey("exit") ? e.decision("exit").outcome() : null;
                String monitoring = e.decisions().containsKey("monitoring") ? e.decision("monitoring").outcome() : null;
                String cleared = e.decisions().containsKey("risk-cleared") ? e.decision("risk-cleared").outcome()
                        : null;
                if ("可退出".equals(exit) && monitoring != null && MONITORING_CATEGORIES.contains(monitoring)) {
                    out.add(t.fileName() + " 示例 " + ex.id() + "（" + ex.asOf() + "）：退出表结论为“可退出”，监测表却纳入“"
                            + monitoring + "”");
                }
                if ("建议消除".equals(cleared) && monitoring != null && MONITORING_CATEGORIES.contains(monitoring)) {
                    out.add(t.fileName() + " 示例 " + ex.id() + "（" + ex.asOf() + "）：风险消除表“建议消除”，监测表仍纳入“"
                            + monitoring + "”");
                }
            }
        }
        return out;
    }
}
