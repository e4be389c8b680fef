package cn.shoudi.procedure;

import cn.shoudi.registry.Responsible;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The procedure aggregate: steps in order (a step out of order is refused naming both steps), a notice posted and
 * closed only after its days, an objection back to 入户核实, a refusal that ends it, a closed procedure that refuses
 * everything, and escalation recorded in its record.
 */
class ProcedureUnitTest {

    private static final Instant NOW = Instant.parse("2021-12-31T08:00:00Z");
    private static final LocalDate START = LocalDate.of(2021, 3, 1);
    private static final int NOTICE_DAYS = 5;

    private static Procedure started(ProcedureKind kind) {
        return Procedure.start(1L, 2L, kind, Origin.FINDING, kind == ProcedureKind.MONITORING_ENTRY ? "边缘易致贫户" : null,
                false, 3L, START, "cadre", "CADRE", "收入低于监测线", NOW);
    }

    private static boolean pass(Procedure p, Step step, LocalDate date) {
        return p.take(step, StepOutcome.PASSED, date, "cadre", "CADRE", null, null, NOTICE_DAYS, NOW);
    }

    private static void post(Procedure p, Step step, LocalDate date) {
        p.take(step, StepOutcome.POSTED, date, "cadre", "CADRE", "村务公开栏", null, NOTICE_DAYS, NOW);
    }

    /** Walks the procedure up to (not including) {@code until}, a day per step, notices over their days. */
    private static LocalDate walkTo(Procedure p, Step until) {
        LocalDate d = START;
        for (Step s : p.kind().steps()) {
            if (s == until) {
                break;
            }
            d = d.plusDays(1);
            if (s.notice()) {
                post(p, s, d);
                d = d.plusDays(NOTICE_DAYS);
            }
            assertThat(pass(p, s, d)).isFalse();
        }
        return d;
    }

    @Test
    void aStartedProcedureIsInProgressAtItsFirstStepWithTheStartInItsRecord() {
        Procedure p = started(ProcedureKind.IDENTIFICATION);

        assertThat(p.status()).isEqualTo(ProcedureStatus.IN_PROGRESS);
        assertThat(p.currentStep()).isEqualTo(Step.APPLICATION);
        assertThat(p.record()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("STARTED");
            assertThat(r.stepDate()).isEqualTo(START);
            assertThat(r.note()).contains("识别（建档立卡）").contains("规则研判").contains("收入低于监测线");
        });
    }

    @ParameterizedTest
    @EnumSource(ProcedureKind.class)
    void everyProcedureCompletesAfterItsLastStepWithTheDateAndReferenceOfThatStep(ProcedureKind kind) {
        Procedure p = started(kind);
        List<Step> steps = kind.steps();
        Step last = steps.get(steps.size() - 1);
        LocalDate d = walkTo(p, last).plusDays(1);

        boolean completed = p.take(last, StepOutcome.PASSED, d, "leader", "LEADER", null, "彭水府发〔2021〕12号",
                NOTICE_DAYS, NOW);

        assertThat(completed).isTrue();
        assertThat(p.status()).isEqualTo(ProcedureStatus.COMPLETED);
        assertThat(p.currentStep()).isNull();
        assertThat(p.completedOn()).isEqualTo(d);
        assertThat(p.decisionReference()).isEqualTo("彭水府发〔2021〕12号");
        assertThat(p.record()).isNotEmpty();
        assertThat(p.record().get(p.record().size() - 1)).satisfies(r -> {
            assertThat(r.step()).isEqualTo(last.name());
            assertThat(r.outcome()).isEqualTo("PASSED");
            assertThat(r.actor()).isEqualTo("leader");
            assertThat(r.actorRole()).isEqualTo("LEADER");
            assertThat(r.reference()).isEqualTo("彭水府发〔2021〕12号");
        });
        // every step taken once, plus the start and the notices' postings
        long notices = steps.stream().filter(Step::notice).count();
        assertThat(p.record()).hasSize(1 + steps.size() + (int) notices);
    }

    @Test
    void aStepOutOfOrderIsRefusedNamingTheCurrentStepAndTheStepAsked() {
        Procedure p = started(ProcedureKind.MONITORING_ENTRY);

        assertThatThrownBy(() -> pass(p, Step.VILLAGE_REVIEW, START))
                .isInstanceOf(IllegalStepException.class)
                .hasMessageContaining("当前步骤为「入户核实」，不能办理「村级民主评议」")
                .hasMessageContaining("须按纳入监测程序的顺序办理");
        assertThat(p.currentStep()).isEqualTo(Step.VERIFICATION);
        assertThat(p.record()).hasSize(1);
    }

    @Test
    void aStepOfAnotherProcedureIsRefusedAsNotPartOfThisOne() {
        Procedure p = started(ProcedureKind.EXIT);

        assertThatThrownBy(() -> pass(p, Step.COUNTY_APPROVAL, START))
                .isInstanceOf(IllegalStepException.class)
                .hasMessageContaining("当前步骤为「入户核实」，不能办理「县级审定」")
                .hasMessageContaining("脱贫退出程序没有这一步");
    }

    @Test
    void aStepAlreadyTakenCannotBeTakenAgain() {
        Procedure p = started(ProcedureKind.MONITORING_ENTRY);
        pass(p, Step.VERIFICATION, START);

        assertThatThrownBy(() -> pass(p, Step.VERIFICATION, START))
                .isInstanceOf(IllegalStepException.class)
                .hasMessageContaining("当前步骤为「村级民主评议」，不能办理「入户核实」");
    }

    @Test
    void aNoticeIsPostedFirstAndPassesOnlyOnceItsDaysHavePassed() {
        Procedure p = started(ProcedureKind.MONITORING_ENTRY);
        walkTo(p, Step.VILLAGE_NOTICE);
        LocalDate posted = LocalDate.of(2021, 4, 1);

        assertThatThrownBy(() -> pass(p, Step.VILLAGE_NOTICE, posted))
                .isInstanceOf(IllegalStepException.class).hasMessageContaining("请先登记公示开始日期");
        post(p, Step.VILLAGE_NOTICE, posted);
        assertThat(p.noticePostedOn()).isEqualTo(posted);
        assertThatThrownBy(() -> post(p, Step.VILLAGE_NOTICE, posted.plusDays(1)))
                .isInstanceOf(IllegalStepException.class).hasMessageContaining("已于 2021-04-01 开始公示");
        assertThatThrownBy(() -> pass(p, Step.VILLAGE_NOTICE, posted.plusDays(NOTICE_DAYS - 1)))
                .isInstanceOf(IllegalStepException.class)
                .hasMessageContaining("公示期未满")
                .hasMessageContaining("须公示不少于 5 天，最早 2021-04-06 方可办结");
        assertThat(p.currentStep()).isEqualTo(Step.VILLAGE_NOTICE);

        pass(p, Step.VILLAGE_NOTICE, posted.plusDays(NOTICE_DAYS));

        assertThat(p.currentStep()).isEqualTo(Step.TOWNSHIP_REVIEW);
        assertThat(p.noticePostedOn()).isNull();
    }

    @Test
    void anObjectionToANoticeSendsTheProcedureBackToVerification() {
        Procedure p = started(ProcedureKind.MONITORING_ENTRY);
        walkTo(p, Step.VILLAGE_NOTICE);
        post(p, Step.VILLAGE_NOTICE, LocalDate.of(2021, 4, 1));

        p.take(Step.VILLAGE_NOTICE, StepOutcome.OBJECTION, LocalDate.of(2021, 4, 3), "cadre", "CADRE",
                "邻居反映该户有经营收入", null, NOTICE_DAYS, NOW);

        assertThat(p.status()).isEqualTo(ProcedureStatus.IN_PROGRESS);
        assertThat(p.currentStep()).isEqualTo(Step.VERIFICATION);
        assertThat(p.noticePostedOn()).isNull();
        assertThat(p.currentStepSince()).isEqualTo(LocalDate.of(2021, 4, 3));
        assertThat(p.record().get(p.record().size() - 1)).satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("OBJECTION");
            assertThat(r.note()).isEqualTo("邻居反映该户有经营收入");
        });
        // the verification, the review and the notice are taken again
        pass(p, Step.VERIFICATION, LocalDate.of(2021, 4, 5));
        assertThat(p.currentStep()).isEqualTo(Step.VILLAGE_REVIEW);
    }

    @Test
    void anObjectionNeedsAPostedNotice() {
        Procedure p = started(ProcedureKind.MONITORING_ENTRY);

        assertThatThrownBy(() -> p.take(Step.VERIFICATION, StepOutcome.OBJECTION, START, "cadre", "CADRE", null, null,
                NOTICE_DAYS, NOW)).isInstanceOf(IllegalStepException.class)
                .hasMessageContaining("「公示有异议」只适用于公示，「入户核实」不是公示");
        walkTo(p, Step.VILLAGE_NOTICE);
        assertThatThrownBy(() -> p.take(Step.VILLAGE_NOTICE, StepOutcome.OBJECTION, START, "cadre", "CADRE", null, null,
                NOTICE_DAYS, NOW)).isInstanceOf(IllegalStepException.class).hasMessageContaining("尚未开始");
    }

    @Test
    void anObjectionCannotPrecedeTheNotice() {
        Procedure p = started(ProcedureKind.MONITORING_ENTRY);
        walkTo(p, Step.VILLAGE_NOTICE);
        post(p, Step.VILLAGE_NOTICE, LocalDate.of(2021, 4, 1));

        assertThatThrownBy(() -> p.take(Step.VILLAGE_NOTICE, StepOutcome.OBJECTION, LocalDate.of(2021, 3, 31), "cadre",
                "CADRE", null, null, NOTICE_DAYS, NOW)).isInstanceOf(IllegalStepException.class)
                .hasMessageContaining("异议日期 2021-03-31 不能早于公示开始日期");
        assertThat(p.currentStep()).isEqualTo(Step.VILLAGE_NOTICE);
        assertThat(p.noticePostedOn()).isEqualTo(LocalDate.of(2021, 4, 1));
    }

    @Test
    void aNoteLongerThanTheRecordKeepsIsCut() {
        StepRecord r = new StepRecord("VERIFICATION", "PASSED", START, "cadre", "CADRE", "核".repeat(1200), null, NOW);

        assertThat(r.note()).hasSize(StepRecord.MAX_NOTE).endsWith("…");
    }

    @Test
    void aNoticeCannotBeRejectedAndOnlyANoticeIsPosted() {
        Procedure p = started(ProcedureKind.MONITORING_ENTRY);

        assertThatThrownBy(() -> post(p, Step.VERIFICATION, START)).isInstanceOf(IllegalStepException.class)
                .hasMessageContaining("「公示开始」只适用于公示");
        walkTo(p, Step.VILLAGE_NOTICE);
        post(p, Step.VILLAGE_NOTICE, LocalDate.of(2021, 4, 1));
        assertThatThrownBy(() -> p.take(Step.VILLAGE_NOTICE, StepOutcome.REJECTED, LocalDate.of(2021, 4, 9), "cadre",
                "CADRE", null, null, NOTICE_DAYS, NOW)).isInstanceOf(IllegalStepException.class)
                .hasMessageContaining("公示不能“不通过”");
        assertThat(p.status()).isEqualTo(ProcedureStatus.IN_PROGRESS);
    }

    @Test
    void aRejectionEndsTheProcedureAndAClosedProcedureRefusesEveryStep() {
        Procedure p = started(ProcedureKind.RISK_CLEARANCE);
        pass(p, Step.VERIFICATION, START);

        boolean completed = p.take(Step.VILLAGE_REVIEW, StepOutcome.REJECTED, START.plusDays(2), "cadre", "CADRE",
                "评议未通过：收入尚不稳定", null, NOTICE_DAYS, NOW);

        assertThat(completed).isFalse();
        assertThat(p.status()).isEqualTo(ProcedureStatus.REJECTED);
        assertThat(p.completedOn()).isEqualTo(START.plusDays(2));
        assertThat(p.stepDueDate()).isNull();
        int entries = p.record().size();
        assertThatThrownBy(() -> pass(p, Step.VILLAGE_NOTICE, START.plusDays(3)))
                .isInstanceOf(IllegalStepException.class).hasMessageContaining("该风险消除程序未通过，不能再办理「村级公示」");
        assertThatThrownBy(() -> p.withdraw("重复发起", START.plusDays(3), "officer", "INFO_OFFICER", NOW))
                .isInstanceOf(IllegalStepException.class).hasMessageContaining("不能撤销");
        assertThat(p.record()).hasSize(entries);
    }

    @Test
    void aWithdrawnProcedureEndsWithItsReasonAndRefusesEveryStep() {
        Procedure p = started(ProcedureKind.MONITORING_ENTRY);

        p.withdraw("农户撤回申请", START.plusDays(1), "officer", "INFO_OFFICER", NOW);

        assertThat(p.status()).isEqualTo(ProcedureStatus.WITHDRAWN);
        assertThat(p.record().get(p.record().size() - 1)).satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("WITHDRAWN");
            assertThat(r.note()).isEqualTo("农户撤回申请");
            assertThat(r.actor()).isEqualTo("officer");
        });
        assertThatThrownBy(() -> pass(p, Step.VERIFICATION, START.plusDays(2)))
                .isInstanceOf(IllegalStepException.class).hasMessageContaining("该纳入监测程序已撤销");
        assertThatThrownBy(() -> p.withdraw("再次撤销", START.plusDays(2), "officer", "INFO_OFFICER", NOW))
                .isInstanceOf(IllegalStepException.class).hasMessageContaining("已撤销，不能撤销");
    }

    @Test
    void aCompletedProcedureRefusesEveryStep() {
        Procedure p = started(ProcedureKind.EXIT);
        LocalDate d = walkTo(p, Step.ANNOUNCEMENT);
        pass(p, Step.ANNOUNCEMENT, d.plusDays(1));

        assertThatThrownBy(() -> pass(p, Step.ANNOUNCEMENT, d.plusDays(2)))
                .isInstanceOf(IllegalStepException.class).hasMessageContaining("该脱贫退出程序已完成");
    }

    @Test
    void anOverdueStepEscalatesOneLevelWithANewDueDateAndARecordEntry() {
        Procedure p = started(ProcedureKind.MONITORING_ENTRY);
        p.assign(new Responsible(11L, Responsible.Level.HELPER), START.plusDays(3));

        p.escalate(new Responsible(12L, Responsible.Level.GROUP_CADRE), LocalDate.of(2022, 1, 3), NOW);

        assertThat(p.escalationCount()).isEqualTo(1);
        assertThat(p.assigneeCadreId()).isEqualTo(12L);
        assertThat(p.assigneeLevelValue()).isEqualTo(Responsible.Level.GROUP_CADRE);
        assertThat(p.stepDueDate()).isEqualTo(LocalDate.of(2022, 1, 3));
        assertThat(p.record().get(p.record().size() - 1)).satisfies(r -> {
            assertThat(r.step()).isEqualTo("VERIFICATION");
            assertThat(r.outcome()).isEqualTo("ESCALATED");
            assertThat(r.actor()).isEqualTo("system");
            assertThat(r.stepDate()).isEqualTo(LocalDate.of(2021, 12, 31));
            assertThat(r.note()).contains("「入户核实」逾期未办理（期限 2021-03-04）").contains("帮扶责任人（干部 #11）")
                    .contains("驻组干部（干部 #12）").contains("新期限 2022-01-03");
        });
        // an escalation is not a step: the current step is still due since the start
        assertThat(p.currentStepSince()).isEqualTo(START);
        assertThat(p.currentStep()).isEqualTo(Step.VERIFICATION);
    }

    @Test
    void aStepIsNeverDueAfterTheWholeProcedureMustBeDecided() {
        Procedure p = started(ProcedureKind.MONITORING_ENTRY);
        p.decideBy(START.plusDays(15));

        p.assign(new Responsible(11L, Responsible.Level.HELPER), START.plusDays(20));
        assertThat(p.stepDueDate()).isEqualTo(START.plusDays(15));

        p.assign(new Responsible(11L, Responsible.Level.HELPER), START.plusDays(3));
        p.decideBy(START.plusDays(2));
        assertThat(p.stepDueDate()).isEqualTo(START.plusDays(2));
        assertThat(p.finalDueDate()).isEqualTo(START.plusDays(2));
    }
}
