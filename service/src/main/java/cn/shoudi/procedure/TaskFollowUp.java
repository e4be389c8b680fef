package cn.shoudi.procedure;

import cn.shoudi.monitoring.Resolution;
import cn.shoudi.monitoring.TaskResolved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A task resolved as 纳入监测 or 风险消除 starts the procedure that decides it, in the resolving transaction, with the
 * task's last visit recorded as the procedure's 入户核实; a task of type 先行帮扶 (disaster, accident) starts it through
 * the 绿色通道. When such a procedure is already in progress the task joins it and nothing new starts.
 */
@Component
class TaskFollowUp {

    private static final Logger log = LoggerFactory.getLogger(TaskFollowUp.class);

    private final ProcedureService service;
    private final Procedures procedures;

    TaskFollowUp(ProcedureService service, Procedures procedures) {
        this.service = service;
        this.procedures = procedures;
    }

    @EventListener
    void on(TaskResolved e) {
        ProcedureKind kind = e.resolution() == Resolution.ENTERED_MONITORING ? ProcedureKind.MONITORING_ENTRY
                : e.resolution() == Resolution.RISK_CLEARED ? ProcedureKind.RISK_CLEARANCE : null;
        if (kind == null) {
            return;
        }
        if (!procedures.findOpen(e.householdId(), kind.name()).isEmpty()) {
            log.info("task {} resolved as {}: household {} already has that procedure in progress", e.taskId(),
                    e.resolution(), e.householdId());
            return;
        }
        boolean green = kind == ProcedureKind.MONITORING_ENTRY && "先行帮扶".equals(e.taskType());
        Origin origin = e.findingFile() != null && e.findingFile().startsWith("alerts") ? Origin.ALERT : Origin.FINDING;
        ProcedureView started = service.start(e.householdId(), new ProcedureService.Start(kind.name(), origin.name(),
                e.category(), green, e.visitDate(), "任务 #" + e.taskId() + "（" + e.findingCode() + "）办结：" + e.resolution()
                .label(), e.taskId()));
        String verified = "任务 #" + e.taskId() + " 入户核实：" + e.visitFindings();
        service.take(started.id(), new ProcedureService.Take(Step.VERIFICATION.name(), StepOutcome.PASSED.name(),
                e.visitDate(), fit(verified), null));
    }

    /** The visit's findings may fill their own field: the step's note keeps what fits. */
    private static String fit(String note) {
        return note.length() <= StepRecord.MAX_NOTE ? note : note.substring(0, StepRecord.MAX_NOTE - 1) + "…";
    }
}
