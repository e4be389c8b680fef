package cn.shoudi.rules;

import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition;
import cn.shoudi.rules.facts.FactSource;
import cn.shoudi.rules.table.ColumnKind;
import cn.shoudi.rules.table.DecisionTable;
import cn.shoudi.rules.table.Policy;
import cn.shoudi.rules.table.RuleRow;
import cn.shoudi.rules.table.TableAnalysis;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** The reachability gate: a rule row may test only facts that have a source in the product. */
class FactReachabilityUnitTest {

    private static final String CODE = "UNREACHABLE_FACT";

    private static List<TableAnalysis.Result> unreachable(FactCatalogue catalogue) {
        return TableAnalysis.analyse(PolicyFixtures.shippedPolicy(), Map.of(), catalogue).stream()
                .filter(r -> r.code().equals(CODE)).toList();
    }

    /** The shipped catalogue with one fact changed (or, when the operator gives null, removed). */
    private static FactCatalogue withFact(String key, UnaryOperator<FactDefinition> change) {
        return new FactCatalogue(FactCatalogue.STANDARD.all().stream()
                .map(d -> d.key().equals(key) ? change.apply(d) : d).filter(d -> d != null).toList());
    }

    @Test
    void everyConditionCellOfTheShippedTablesTestsOnlyFactsWithASource() {
        Policy policy = PolicyFixtures.shippedPolicy();
        int rows = 0;
        int cells = 0;
        for (DecisionTable t : policy.tables()) {
            for (RuleRow row : t.rules()) {
                rows++;
                cells += (int) t.columns().stream()
                        .filter(c -> c.kind() == ColumnKind.CONDITION && row.cell(c.index()) != null).count();
            }
        }
        System.out.printf("reachability gate: %d tables, %d rule rows, %d condition cells checked%n",
                policy.tables().size(), rows, cells);

        assertThat(rows).isPositive();
        assertThat(cells).isPositive();
        assertThat(unreachable(FactCatalogue.STANDARD)).isEmpty();
    }

    @Test
    void aFactWithoutSourceIsAnErrorAtEveryCellThatTestsIt() {
        List<TableAnalysis.Result> results = unreachable(withFact("vehicleValue", d -> d.withSource(FactSource.NONE)));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.error()).isTrue();
            assertThat(r.at().file()).isEqualTo("identification.xlsx");
            assertThat(r.at().sheet()).isEqualTo("识别");
            assertThat(r.at().row()).isEqualTo(15);
            assertThat(r.at().columnLetter()).isEqualTo("L");
            assertThat(r.messageZh()).contains("ID-EX4a").contains("享受型车辆价值").contains("（无来源）")
                    .contains("永远不会命中");
            assertThat(r.messageEn()).contains("ID-EX4a").contains("vehicleValue");
        });
    }

    @Test
    void aDerivedFactIsUnreachableWhenOneOfItsInputsHasNoSource() {
        List<TableAnalysis.Result> results = unreachable(withFact("familyAssets", d -> d.withSource(FactSource.NONE)));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.error()).isTrue();
            assertThat(r.at().sheet()).isEqualTo("识别");
            assertThat(r.at().a1()).isEqualTo("W25");
            assertThat(r.messageZh()).contains("ID-IN4").contains("自付医疗费用超过家庭资产")
                    .contains("由其他数据计算，其中「家庭资产」无来源");
        });
    }

    @Test
    void aFactMissingFromTheCatalogueIsNamedByItsProperty() {
        List<TableAnalysis.Result> results = unreachable(withFact("vehicleValue", d -> null));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.at().a1()).isEqualTo("L15");
            assertThat(r.messageZh()).contains("「vehicleValue」").contains("不在数据项目录中");
        });
    }
}
