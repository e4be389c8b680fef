package cn.shoudi.rules;

import cn.shoudi.rules.eval.Decision;
import cn.shoudi.rules.eval.Evaluator;
import cn.shoudi.rules.eval.Finding;
import cn.shoudi.rules.eval.ParameterUse;
import cn.shoudi.rules.eval.TestedInput;
import cn.shoudi.rules.facts.HouseholdClass;
import cn.shoudi.rules.facts.HouseholdInput;
import cn.shoudi.rules.facts.MemberInput;
import cn.shoudi.rules.params.MissingParameterException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExplanationUnitTest {

    private final Evaluator evaluator = new Evaluator(PolicyFixtures.shippedPolicy());

    private static HouseholdInput exitedHousehold(int netIncome) {
        return new HouseholdInput("H1", HouseholdClass.EXITED,
                List.of(new MemberInput("张三", null, "男", LocalDate.of(1970, 3, 1), "户主"),
                        new MemberInput("李四", null, "女", LocalDate.of(1972, 5, 1), "配偶")),
                BigDecimal.valueOf(netIncome), BigDecimal.ZERO, BigDecimal.valueOf(netIncome), Set.of("因病"),
                false, false);
    }

    @Test
    void aFindingNamesTableRowCodeReasonTestedInputsAndParameterWithSource() {
        Decision d = evaluator.evaluate(exitedHousehold(11000), LocalDate.of(2021, 12, 31)).decision("monitoring");

        assertThat(d.outcome()).isEqualTo("脱贫不稳定户");
        assertThat(d.findings()).hasSize(1);
        Finding f = d.findings().get(0);
        assertThat(f.tableTitle()).isEqualTo("监测对象纳入");
        assertThat(f.file()).isEqualTo("monitoring.xlsx");
        assertThat(f.sheet()).isEqualTo("监测对象纳入");
        assertThat(f.row()).isEqualTo(10);
        assertThat(f.code()).isEqualTo("M-1");
        assertThat(f.reason()).contains("不高于当年监测线");
        assertThat(f.output("task_type")).isEqualTo("入户核实");
        assertThat(f.tested()).extracting(TestedInput::fact)
                .containsExactlyInAnyOrder("householdClass", "monitored", "perCapitaNetIncome", "riskCount", "selfCoping");
        assertThat(f.tested()).filteredOn(t -> t.fact().equals("perCapitaNetIncome"))
                .extracting(t -> ((BigDecimal) t.value()).intValue()).containsExactly(5500);
        ParameterUse line = f.parameters().get(0);
        assertThat(line.code()).isEqualTo("monitoring_line");
        assertThat(line.value()).isEqualByComparingTo("6000");
        assertThat(line.validFrom()).isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(line.source()).contains("巫溪");
        assertThat(line.confirmed()).isTrue();
    }

    @Test
    void aTableOutOfForceOnTheAsOfDateDecidesNothingAndReadsNoneOfItsParameters() {
        HouseholdInput poor = new HouseholdInput("H2", HouseholdClass.GENERAL,
                List.of(new MemberInput("王五", null, "男", LocalDate.of(1968, 2, 1), "户主")),
                BigDecimal.valueOf(1500), BigDecimal.ZERO, BigDecimal.valueOf(1500), Set.of("因病"), false, false);

        // 识别 is in force until 2020-12-31; its poverty_line has no value in 2021: its rows must not even be tested
        assertThat(evaluator.evaluate(poor, LocalDate.of(2020, 6, 30)).decision("identification").findings())
                .extracting(Finding::code).contains("ID-IN1");
        var in2021 = evaluator.evaluate(poor, LocalDate.of(2021, 6, 30));
        assertThat(in2021.decisions()).isNotEmpty().doesNotContainKey("identification").containsKey("monitoring");
        assertThat(in2021.findings()).isNotEmpty().extracting(Finding::tableId).doesNotContain("identification", "exit");
    }

    @Test
    void theAsOfDateChoosesThatYearsMonitoringLine() {
        assertThat(evaluator.evaluate(exitedHousehold(11000), LocalDate.of(2019, 12, 31))
                .decision("monitoring").outcome()).isEqualTo("不纳入");
        assertThat(evaluator.evaluate(exitedHousehold(11000), LocalDate.of(2021, 12, 31))
                .decision("monitoring").outcome()).isEqualTo("脱贫不稳定户");
    }

    @Test
    void anUnconfirmedParameterIsFlaggedInTheExplanation() {
        Finding f = evaluator.evaluate(exitedHousehold(13000), LocalDate.of(2022, 6, 30))
                .decision("monitoring").findings().get(0);
        assertThat(f.parameters().get(0).value()).isEqualByComparingTo("6600");
        assertThat(f.parameters().get(0).confirmed()).isFalse();
    }

    @Test
    void aYearWithoutAMonitoringLineIsAnErrorNamingParameterAndYear() {
        assertThatThrownBy(() -> evaluator.evaluate(exitedHousehold(11000), LocalDate.of(2030, 1, 1)))
                .isInstanceOf(MissingParameterException.class)
                .hasMessageContaining("monitoring_line").hasMessageContaining("2030");
    }
}
