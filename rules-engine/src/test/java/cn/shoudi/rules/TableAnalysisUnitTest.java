package cn.shoudi.rules;

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

class TableAnalysisUnitTest {

    private static List<TableAnalysis.Result> analyse(List<TableSource> sources) {
        Policy policy = new PolicyCompiler().compile("analysis", sources);
        Map<String, Set<String>> fired = new HashMap<>();
        for (ExampleResult r : new ExampleRunner().runAll(new Evaluator(policy))) {
            fired.computeIfAbsent(r.example().tableId(), k -> new HashSet<>()).addAll(r.actualCodes());
        }
        return TableAnalysis.analyse(policy, fired);
    }

    private static List<TableSource> withMonitoringCell(String sheet, String cell, String text) {
        return PolicyFixtures.shippedSources().stream().map(s -> s.fileName().equals("monitoring.xlsx")
                ? new TableSource(s.fileName(), WorkbookEdits.set(s.bytes(), sheet, cell, text)) : s).toList();
    }

    @Test
    void theShippedTablesHaveNoImpossibleRowNoUntestedRowAndNoAmbiguousOverlap() {
        assertThat(analyse(PolicyFixtures.shippedSources())).isEmpty();
    }

    @Test
    void aRowWhoseConditionsExcludeEachOtherIsAnErrorAtItsRow() {
        // M-1: income ≤ the line (D10) and now also income > the line (E10)
        List<TableAnalysis.Result> results = analyse(withMonitoringCell("监测对象纳入", "E10", "monitoring_line"));
        assertThat(results).anySatisfy(r -> {
            assertThat(r.error()).isTrue();
            assertThat(r.code()).isEqualTo("ROW_NEVER_FIRES");
            assertThat(r.at().a1()).isEqualTo("B10");
            assertThat(r.messageZh()).contains("M-1").contains("永远不会命中");
        });
    }

    @Test
    void rowsOnTheSameFactsThatCanHoldTogetherWithDifferentOutcomesAreWarned() {
        // M-2 made to apply to 脱贫户 like M-1: same facts, same ranges, different outcome
        List<TableAnalysis.Result> results = analyse(withMonitoringCell("监测对象纳入", "C11", "脱贫户"));
        assertThat(results).anySatisfy(r -> {
            assertThat(r.error()).isFalse();
            assertThat(r.code()).isEqualTo("ROWS_OVERLAP");
            assertThat(r.at().a1()).isEqualTo("B11");
            assertThat(r.messageZh()).contains("M-1").contains("M-2").contains("以上方的行为准");
        });
    }

    @Test
    void rowsDifferingOnlyInANumericRangeThatLeaveAHoleAreWarned() {
        // M-1: 脱贫户 with income ≤ 3000; M-2 made a 脱贫户 row with income > 5000: (3000, 5000] is uncovered
        List<TableSource> sources = withMonitoringCell("监测对象纳入", "D10", "3000");
        sources = sources.stream().map(s -> s.fileName().equals("monitoring.xlsx") ? new TableSource(s.fileName(),
                WorkbookEdits.set(WorkbookEdits.set(WorkbookEdits.set(s.bytes(), "监测对象纳入", "C11", "脱贫户"),
                        "监测对象纳入", "D11", ""), "监测对象纳入", "E11", "5000")) : s).toList();
        List<TableAnalysis.Result> results = analyse(sources);
        assertThat(results).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("RANGE_GAP");
            assertThat(r.error()).isFalse();
            assertThat(r.messageZh()).contains("perCapitaNetIncome").contains("(3000, 5000]").contains("不纳入");
        });
    }

    @Test
    void aRowThatNoExampleFiresIsWarnedAsUntested() {
        // M-2 now needs five risk types; no example household has that many
        List<TableAnalysis.Result> results = analyse(withMonitoringCell("监测对象纳入", "H11", "5"));
        assertThat(results).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("ROW_WITHOUT_EXAMPLE");
            assertThat(r.at().a1()).isEqualTo("B11");
            assertThat(r.error()).isFalse();
        });
    }
}
