package cn.shoudi.procedure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The time limits the procedures read are the parameters a policy must have to be published. */
class ProcedureDeadlinesUnitTest {

    @Test
    void everyStepNoticeAndProcedureLimitIsRequiredOfAPolicyWithWhatItLimits() {
        ProcedureDeadlines deadlines = new ProcedureDeadlines(null);

        assertThat(deadlines.requiredParameters()).containsOnlyKeys("step_days_verify", "step_days_cross_check",
                "step_days_review", "step_days_township", "step_days_county", "notice_days_registration",
                "notice_days_monitoring", "notice_days_risk_clear", "monitoring_decision_max_days",
                "green_channel_days");
        assertThat(deadlines.requiredParameters().get("step_days_verify")).isEqualTo("「农户申请」的办理时限、「入户核实」的办理时限");
        assertThat(deadlines.requiredParameters().get("notice_days_registration"))
                .isEqualTo("识别（建档立卡）程序的公示天数、脱贫退出程序的公示天数");
        assertThat(deadlines.requiredParameters().get("green_channel_days")).contains("绿色通道");
    }
}
