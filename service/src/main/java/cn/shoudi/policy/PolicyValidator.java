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
import cn.shoudi.rules.params.Parameter;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validates a candidate set of workbooks: exact header vocabulary, compile errors mapped to their cells, parameter
 * coverage, every table's example cases (a failing example blocks the version), table analysis (rows that can never
 * fire block; overlapping rows with different outcomes and rows no example covers are warnings) and cross-table
 * contradictions on the example households; and every parameter another feature reads outside the tables (the
 * procedures' time limits, {@link RequiredParameters}) is present.
 */
@Component
class PolicyValidator {

    /** Where parameters live when a policy has none to point at. */
    private static final String PARAMETERS_FILE = "parameters.xlsx";

    private static final Set<String> MONITORING_CATEGORIES = Set.of("脱贫不稳定户", "边缘易致贫户", "突发严重困难户");

    /** The report and, when valid, the compiled evaluator. */
    record Outcome(ValidationReport report, Evaluator evaluator) {
    }

    private final List<RequiredParameters> required;

    PolicyValidator(List<RequiredParameters> required) {
        this.required = List.copyOf(required);
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
        Map<String, Set<String>> fired = new HashMap<>();
        results.forEach(r -> fired.computeIfAbsent(r.example().tableId(), k -> new HashSet<>())
                .addAll(r.actualCodes()));
        List<ValidationReport.Issue> errors = new ArrayList<>(missingRequiredParameters(policy));
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

    /**
     * One error per parameter code another feature reads (e.g. the procedures' step and notice days) that the policy's
     * parameters lack, located at the 参数 sheet of the parameters workbook.
     */
    private List<ValidationReport.Issue> missingRequiredParameters(Policy policy) {
        Set<String> present = policy.parameters().codes();
        String file = present.stream().flatMap(c -> policy.parameters().rows(c).stream()).map(Parameter::file)
                .findFirst().orElse(PARAMETERS_FILE);
        Map<String, String> needed = new TreeMap<>();
        required.forEach(r -> needed.putAll(r.requiredParameters()));
        List<ValidationReport.Issue> out = new ArrayList<>();
        needed.forEach((code, use) -> {
            if (!present.contains(code)) {
                out.add(new ValidationReport.Issue(file, "参数", 0, "", "", "MISSING_REQUIRED_PARAMETER",
                        "工作簿 " + file + "，工作表「参数」：缺少参数「" + code + "」（" + use + "）。系统办理程序时要用到它，"
                                + "请在「参数」表中补充该参数代码及其生效日期和数值",
                        file + ", sheet '参数': parameter '" + code + "' is missing, but the product reads it outside "
                                + "the tables"));
            }
        });
        return out;
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
