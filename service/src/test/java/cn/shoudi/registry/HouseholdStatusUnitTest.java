package cn.shoudi.registry;

import cn.shoudi.rules.facts.HouseholdClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link HouseholdStatus#after(Decision)}: each procedure's decision from each status, the transitions it makes and the
 * ones it refuses with a message naming the current status and the decision.
 */
class HouseholdStatusUnitTest {

    private static final LocalDate ON = LocalDate.of(2021, 6, 30);

    private static final HouseholdStatus GENERAL = new HouseholdStatus(HouseholdClass.GENERAL, null, null, null, null,
            null, null);
    private static final HouseholdStatus NOT_EXITED = new HouseholdStatus(HouseholdClass.NOT_EXITED, 2016, null, null,
            null, null, null);
    private static final HouseholdStatus EXITED = new HouseholdStatus(HouseholdClass.EXITED, 2016, 2018, null, null,
            null, null);
    private static final HouseholdStatus MONITORED_EXITED = new HouseholdStatus(HouseholdClass.EXITED, 2016, 2018,
            MonitoringStatus.MONITORED, "脱贫不稳定户", LocalDate.of(2021, 3, 1), null);
    private static final HouseholdStatus MONITORED_GENERAL = new HouseholdStatus(HouseholdClass.GENERAL, null, null,
            MonitoringStatus.MONITORED, "边缘易致贫户", LocalDate.of(2021, 3, 1), null);
    private static final HouseholdStatus CLEARED_GENERAL = new HouseholdStatus(HouseholdClass.GENERAL, null, null,
            MonitoringStatus.CLEARED, "边缘易致贫户", LocalDate.of(2020, 5, 1), LocalDate.of(2021, 1, 10));

    private static final Map<String, HouseholdStatus> STATUSES = Map.of("GENERAL", GENERAL, "NOT_EXITED", NOT_EXITED,
            "EXITED", EXITED, "MONITORED_EXITED", MONITORED_EXITED, "MONITORED_GENERAL", MONITORED_GENERAL,
            "CLEARED_GENERAL", CLEARED_GENERAL);

    private static Decision decision(DecisionKind kind, String category) {
        return new Decision(kind, ON, category, "彭水府发〔2021〕12号", 7L, "leader");
    }

    @Test
    void identificationMakesAGeneralHouseholdNotExitedRegisteredInTheYearOfTheDecision() {
        HouseholdStatus after = GENERAL.after(decision(DecisionKind.IDENTIFIED, null));

        assertThat(after).isEqualTo(new HouseholdStatus(HouseholdClass.NOT_EXITED, 2021, null, null, null, null, null));
    }

    @Test
    void exitMakesANotExitedHouseholdExitedInTheYearOfTheDecisionAndKeepsItsRegistrationYear() {
        HouseholdStatus after = NOT_EXITED.after(decision(DecisionKind.EXITED, null));

        assertThat(after).isEqualTo(new HouseholdStatus(HouseholdClass.EXITED, 2016, 2021, null, null, null, null));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(textBlock = """
            EXITED,          脱贫不稳定户
            GENERAL,         边缘易致贫户
            EXITED,          突发严重困难户
            GENERAL,         突发严重困难户
            CLEARED_GENERAL, 边缘易致贫户
            """)
    void monitoringEntryMakesTheHouseholdMonitoredWithItsCategorySinceTheDecisionAndKeepsItsClass(String from,
                                                                                                   String category) {
        HouseholdStatus before = STATUSES.get(from);

        HouseholdStatus after = before.after(decision(DecisionKind.ENTERED_MONITORING, category));

        assertThat(after.monitored()).isTrue();
        assertThat(after).isEqualTo(new HouseholdStatus(before.householdClass(), before.registeredYear(),
                before.exitYear(), MonitoringStatus.MONITORED, category, ON, before.riskClearedOn()));
    }

    @Test
    void riskClearanceEndsMonitoringOnTheDecisionDateAndKeepsCategoryAndEntryDate() {
        HouseholdStatus after = MONITORED_EXITED.after(decision(DecisionKind.RISK_CLEARED, null));

        assertThat(after.monitored()).isFalse();
        assertThat(after).isEqualTo(new HouseholdStatus(HouseholdClass.EXITED, 2016, 2018, MonitoringStatus.CLEARED,
                "脱贫不稳定户", LocalDate.of(2021, 3, 1), ON));
    }

    @Test
    void riskClearanceOnTheDayOfEntryIsAllowed() {
        HouseholdStatus entered = MONITORED_GENERAL.after(new Decision(DecisionKind.RISK_CLEARED,
                LocalDate.of(2021, 3, 1), null, null, 8L, "leader"));

        assertThat(entered.riskClearedOn()).isEqualTo(LocalDate.of(2021, 3, 1));
    }

    @ParameterizedTest(name = "{0} + {1} {2}: {3}")
    @CsvSource(textBlock = """
            NOT_EXITED,        IDENTIFIED,         ,               只有一般农户可以识别
            EXITED,            IDENTIFIED,         ,               只有一般农户可以识别
            GENERAL,           EXITED,             ,               只有未脱贫户可以脱贫退出
            EXITED,            EXITED,             ,               只有未脱贫户可以脱贫退出
            MONITORED_EXITED,  ENTERED_MONITORING, 突发严重困难户, 已是监测对象
            GENERAL,           ENTERED_MONITORING, ,               监测类型须为
            GENERAL,           ENTERED_MONITORING, 低保户,         监测类型须为
            GENERAL,           ENTERED_MONITORING, 脱贫不稳定户,   脱贫不稳定户须为脱贫户
            EXITED,            ENTERED_MONITORING, 边缘易致贫户,   边缘易致贫户须为一般农户
            NOT_EXITED,        ENTERED_MONITORING, 突发严重困难户, 未脱贫户
            GENERAL,           RISK_CLEARED,       ,               不是监测对象
            CLEARED_GENERAL,   RISK_CLEARED,       ,               不是监测对象
            """)
    void aDecisionThatDoesNotApplyIsRefusedNamingTheCurrentStatusAndTheDecision(String from, DecisionKind kind,
                                                                               String category, String why) {
        HouseholdStatus before = STATUSES.get(from);

        assertThatThrownBy(() -> before.after(decision(kind, category)))
                .isInstanceOf(IllegalStatusChangeException.class)
                .hasMessageContaining("当前状态为「" + before.describe() + "」")
                .hasMessageContaining("「" + kind.label() + "」")
                .hasMessageContaining(why);
    }

    @Test
    void riskClearanceDatedBeforeTheEntryIsRefused() {
        Decision early = new Decision(DecisionKind.RISK_CLEARED, LocalDate.of(2021, 2, 28), null, null, 8L, "leader");

        assertThatThrownBy(() -> MONITORED_GENERAL.after(early))
                .isInstanceOf(IllegalStatusChangeException.class)
                .hasMessageContaining("风险消除日期不能早于纳入监测日期 2021-03-01");
    }

    @ParameterizedTest
    @EnumSource(value = DecisionKind.class, names = {"REGISTERED", "CORRECTED"})
    void registrationAndCorrectionAreNotDecisionsOfAProcedure(DecisionKind kind) {
        assertThatThrownBy(() -> GENERAL.after(decision(kind, null))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStatusDescribesItselfInChinese() {
        assertThat(GENERAL.describe()).isEqualTo("一般农户");
        assertThat(MONITORED_EXITED.describe()).isEqualTo("脱贫户（2016年建档，2018年脱贫）；监测对象：脱贫不稳定户，2021-03-01纳入");
        assertThat(CLEARED_GENERAL.describe()).isEqualTo("一般农户；风险已消除（边缘易致贫户，2021-01-10消除）");
    }
}
