package cn.shoudi.rules.table;

import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition;
import cn.shoudi.rules.facts.FactSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reachability gate (可达性检查): every rule row must be able to fire in production, so each fact its condition
 * cells test must have a source in the {@link FactCatalogue}. A cell testing a fact without one is an error
 * ({@code UNREACHABLE_FACT}) at that cell, naming the rule, the fact and why it has no source.
 */
final class FactReachability {

    private static final String CODE = "UNREACHABLE_FACT";

    private FactReachability() {
    }

    /** Adds one error per condition cell and fact without a source, in row and column order. */
    static void check(DecisionTable table, FactCatalogue catalogue, List<TableAnalysis.Result> out) {
        for (RuleRow row : table.rules()) {
            for (Column col : table.columns()) {
                if (col.kind() != ColumnKind.CONDITION || row.cell(col.index()) == null) {
                    continue;
                }
                for (String fact : SnippetAnalysis.testedFacts(col.snippet())) {
                    Set<String> unsourced = catalogue.unsourced(fact);
                    if (!unsourced.isEmpty()) {
                        out.add(error(CellRef.of(table.fileName(), table.sheet(), row.excelRow(), col.index()),
                                row.code(), fact, unsourced, catalogue));
                    }
                }
            }
        }
    }

    private static TableAnalysis.Result error(CellRef at, String rule, String fact, Set<String> unsourced,
                                              FactCatalogue catalogue) {
        return new TableAnalysis.Result(at, true, CODE,
                "规则「" + rule + "」检查的「" + label(catalogue, fact) + "」在系统中没有数据来源（"
                        + reason(catalogue, fact, unsourced) + "），生产环境中该行永远不会命中；请先在数据项目录中为它指定来源",
                "rule '" + rule + "' tests '" + fact + "', which has no source in the product (unsourced: "
                        + String.join(", ", unsourced) + "); the row can never fire in production");
    }

    private static String reason(FactCatalogue catalogue, String fact, Set<String> unsourced) {
        if (unsourced.equals(Set.of(fact))) {
            return why(catalogue, fact);
        }
        return "由其他数据计算，其中" + unsourced.stream().map(k -> "「" + label(catalogue, k) + "」" + why(catalogue, k))
                .collect(Collectors.joining("、"));
    }

    /** Why one fact has no source of its own. */
    private static String why(FactCatalogue catalogue, String key) {
        return catalogue.get(key).map(d -> d.source() == FactSource.NONE ? FactSource.NONE.label() : "计算依据为空或循环")
                .orElse("不在数据项目录中");
    }

    private static String label(FactCatalogue catalogue, String key) {
        return catalogue.get(key).map(FactDefinition::label).orElse(key);
    }
}
