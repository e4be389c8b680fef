package cn.shoudi.procedure;

import io.swagger.v3.oas.annotations.media.Schema;
import cn.shoudi.InvalidRequestException;
import cn.shoudi.Viewer;
import cn.shoudi.assessment.AssessmentHistory;
import cn.shoudi.registry.Decision;
import cn.shoudi.registry.HouseholdStatus;
import cn.shoudi.registry.HouseholdStatuses;
import cn.shoudi.registry.Registry;
import cn.shoudi.registry.Responsible;
import cn.shoudi.rules.facts.HouseholdClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Starts procedures and takes their steps for the people entitled to (village steps: 帮扶干部 and 扶贫信息员; township
 * steps, which include recording the county's acts: 乡镇领导); sets each step's assignee and due date from the policy's
 * parameters; supplies the identification procedure's dates to the registry; and records the decision of a completed
 * procedure in the registry, which is the only way a household's status changes.
 */
@Service
public class ProcedureService {

    private static final Logger log = LoggerFactory.getLogger(ProcedureService.class);
    private static final Set<String> VILLAGE_ROLES = Set.of("CADRE", "INFO_OFFICER", "SYSTEM");
    private static final Set<String> TOWNSHIP_ROLES = Set.of("LEADER", "SYSTEM");
    /** The identification steps whose dates the data-quality table checks, by the catalogue key they supply. */
    private static final Map<Step, String> IDENTIFICATION_DATES = Map.of(Step.APPLICATION, "appliedOn",
            Step.VILLAGE_REVIEW, "reviewedOn", Step.ANNOUNCEMENT, "announcedOn");

    /**
     * A procedure to start.
     *
     * @param kind         IDENTIFICATION / EXIT / MONITORING_ENTRY / RISK_CLEARANCE, or the Chinese name
     * @param origin       FINDING / ALERT / APPLICATION / VISIT, or the Chinese name
     * @param category     for 纳入监测, the proposed 监测类型 (default: the latest assessment's proposal)
     * @param greenChannel 纳入监测 through the 绿色通道 (disasters, accidents): help first, procedure within its limit
     * @param startedOn    when the clue or application came in, default today
     * @param taskId       the monitoring task it follows up, if any
     */
    @Schema(name = "ProcedureStart")
    public record Start(String kind, String origin, String category, Boolean greenChannel, LocalDate startedOn,
                        String note, Long taskId) {
    }

    /**
     * A step taken.
     *
     * @param step      the step's constant or Chinese name; must be the current step
     * @param outcome   POSTED (notices), PASSED, OBJECTION (notices), REJECTED, or the Chinese name
     * @param date      when it happened, default today, never in the future
     * @param note      what was said (attendance, votes, objection), optional
     * @param reference document or notice number (文号), optional
     */
    public record Take(String step, String outcome, LocalDate date, String note, String reference) {
    }

    private final Procedures procedures;
    private final Registry registry;
    private final HouseholdStatuses statuses;
    private final AssessmentHistory assessments;
    private final ProcedureDeadlines deadlines;
    private final Clock clock;

    ProcedureService(Procedures procedures, Registry registry, HouseholdStatuses statuses,
                     AssessmentHistory assessments, ProcedureDeadlines deadlines, Clock clock) {
        this.procedures = procedures;
        this.registry = registry;
        this.statuses = statuses;
        this.assessments = assessments;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * Starts a procedure for a household.
     *
     * @throws InvalidRequestException when the command is incomplete or invalid
     * @throws IllegalStepException    when the household's status does not allow it or one is already in progress
     */
    @Transactional
    public ProcedureView start(long householdId, Start c) {
        Viewer v = Viewer.current();
        registry.requireVisible(v, householdId);
        List<String> problems = new ArrayList<>();
        ProcedureKind kind = ProcedureKind.parse(c.kind()).orElse(null);
        if (kind == null) {
            problems.add((c.kind() == null || c.kind().isBlank() ? "请选择要启动的程序" : "未知的程序“" + c.kind() + "”")
                    + "，可选：" + labels(ProcedureKind.values()));
        }
        Origin origin = c.origin() == null ? Origin.APPLICATION : Origin.parse(c.origin()).orElse(null);
        if (origin == null) {
            problems.add("未知的线索来源“" + c.origin() + "”，可选：" + String.join("、",
                    Arrays.stream(Origin.values()).map(Origin::label).toList()));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate startedOn = c.startedOn() == null ? today : c.startedOn();
        if (startedOn.isAfter(today)) {
            problems.add("启动日期不能晚于今天");
        }
        if (c.note() != null && c.note().length() > 500) {
            problems.add("启动说明不能超过500字");
        }
        boolean green = Boolean.TRUE.equals(c.greenChannel());
        if (green && kind != ProcedureKind.MONITORING_ENTRY) {
            problems.add("绿色通道只适用于纳入监测程序");
        }
        String category = null;
        if (kind == ProcedureKind.MONITORING_ENTRY) {
            category = c.category() != null && !c.category().isBlank() ? c.category().trim()
                    : proposedCategory(householdId);
            if (category == null || !HouseholdStatus.CATEGORIES.contains(category)) {
                problems.add("请填写拟纳入的监测类型：" + String.join("、", HouseholdStatus.CATEGORIES));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        HouseholdStatus status = statuses.status(householdId);
        String refusal = switch (kind) {
            case IDENTIFICATION -> status.householdClass() == HouseholdClass.GENERAL ? null : "只有一般农户可以识别";
            case EXIT -> status.householdClass() == HouseholdClass.NOT_EXITED ? null : "只有未脱贫户可以退出";
            case MONITORING_ENTRY -> status.monitored() ? "已是监测对象" : null;
            case RISK_CLEARANCE -> status.monitored() ? null : "不是监测对象";
        };
        if (refusal == null && kind == ProcedureKind.MONITORING_ENTRY) {
            // the decision this procedure will ask for must fit the household (e.g. 边缘易致贫户 only for 一般农户)
            status.after(new Decision(kind.decision(), startedOn, category, null, null, v.username()));
        }
        if (refusal != null) {
            throw new IllegalStepException("当前状态为「" + status.describe() + "」，不能启动「" + kind.label() + "」程序：" + refusal);
        }
        for (Procedure open : procedures.findOpen(householdId, kind.name())) {
            throw new IllegalStepException("该户已有办理中的「" + kind.label() + "」程序 #" + open.id() + "（当前步骤：「"
                    + open.currentStep().label() + "」）");
        }
        Long village = registry.villagesOf(List.of(householdId)).get(householdId);
        Procedure p = Procedure.start(householdId, village, kind, origin, category, green, c.taskId(), startedOn,
                v.username(), v.role(), c.note(), clock.instant());
        LocalDate finalDue = deadlines.finalDue(kind, green, startedOn);
        assignCurrent(p);
        if (finalDue != null) {
            p.decideBy(finalDue);
        }
        Procedure saved;
        try {
            saved = procedures.save(p);
        } catch (DuplicateKeyException e) {
            // another start for the same household and kind committed since the check above
            throw new IllegalStepException("该户已有办理中的「" + kind.label() + "」程序，请刷新后查看");
        }
        log.info("started {} procedure {} for household {} ({})", kind, saved.id(), householdId, origin);
        return view(saved);
    }

    /**
     * Takes the current step of a procedure; after its last step, records the decision in the registry.
     *
     * @throws StepNotAllowedException when the viewer's role may not take the step
     * @throws IllegalStepException    when the step is out of order or does not fit
     */
    @Transactional
    public ProcedureView take(long procedureId, Take c) {
        Viewer v = Viewer.current();
        Procedure p = find(procedureId);
        registry.requireVisible(v, p.householdId());
        List<String> problems = new ArrayList<>();
        Step step = Step.parse(c.step()).orElse(null);
        if (step == null) {
            problems.add("未知的步骤“" + c.step() + "”，" + p.kind().label() + "程序的步骤：" + String.join(" → ",
                    p.kind().steps().stream().map(Step::label).toList()));
        }
        StepOutcome outcome = StepOutcome.parse(c.outcome()).orElse(null);
        if (outcome == null) {
            problems.add("未知的办理结果“" + c.outcome() + "”，可选：" + String.join("、",
                    Arrays.stream(StepOutcome.values()).map(StepOutcome::label).toList()));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate date = c.date() == null ? today : c.date();
        if (date.isAfter(today)) {
            problems.add("办理日期不能晚于今天");
        }
        if (outcome == StepOutcome.REJECTED && (c.note() == null || c.note().isBlank())) {
            problems.add("“不通过”须在办理情况中写明理由");
        }
        if (c.note() != null && c.note().length() > StepRecord.MAX_NOTE) {
            problems.add("办理情况不能超过1000字");
        }
        if (c.reference() != null && c.reference().length() > 200) {
            problems.add("文号不能超过200字");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        if (!mayTake(step)) {
            throw new StepNotAllowedException("「" + step.label() + "」是" + step.level().label() + "步骤，须由"
                    + (step.level() == Step.Level.VILLAGE ? "帮扶干部或扶贫信息员" : "乡镇领导") + "办理");
        }
        Instant now = clock.instant();
        // a posted notice lasts the days in force on the day it was posted
        int noticeDays = p.noticePostedOn() == null ? 0 : deadlines.noticeDays(p.kind(), p.noticePostedOn());
        boolean completed = p.take(step, outcome, date, v.username(), v.role(), c.note(), c.reference(), noticeDays,
                now);
        if (p.status() == ProcedureStatus.IN_PROGRESS) {
            assignCurrent(p);
        }
        Procedure saved = saved(p);
        supplyDates(saved, step, outcome, date, v.username());
        if (completed) {
            statuses.decide(saved.householdId(), new Decision(saved.kind().decision(), date, saved.category(),
                    c.reference(), saved.id(), v.username()));
            log.info("{} procedure {} completed: household {} decided on {}", saved.kind(), saved.id(),
                    saved.householdId(), date);
        }
        return view(saved);
    }

    /**
     * Whether the signed-in viewer's role may take a step: village steps 帮扶干部 and 扶贫信息员, township steps (which
     * include recording the county's acts) 乡镇领导. Pages offer only these; {@link #take} refuses the others.
     */
    public boolean mayTake(Step step) {
        Set<String> roles = step.level() == Step.Level.VILLAGE ? VILLAGE_ROLES : TOWNSHIP_ROLES;
        return roles.contains(Viewer.current().role());
    }

    /** Ends a procedure without a decision, with a reason. */
    @Transactional
    public ProcedureView withdraw(long procedureId, String reason) {
        Viewer v = Viewer.current();
        Procedure p = find(procedureId);
        registry.requireVisible(v, p.householdId());
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException(List.of("撤销程序须填写原因"));
        }
        if (reason.length() > 500) {
            throw new InvalidRequestException(List.of("撤销原因不能超过500字"));
        }
        p.withdraw(reason.trim(), LocalDate.now(clock), v.username(), v.role(), clock.instant());
        return view(saved(p));
    }

    /**
     * Saves a procedure read in this transaction.
     *
     * @throws StaleProcedureException when someone else saved it since (its version moved on)
     */
    private Procedure saved(Procedure p) {
        try {
            return procedures.save(p);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleProcedureException(p.id());
        }
    }

    /** A procedure the viewer may see. */
    @Transactional(readOnly = true)
    public ProcedureView get(long procedureId) {
        Procedure p = find(procedureId);
        registry.requireVisible(Viewer.current(), p.householdId());
        return view(p);
    }

    Procedure find(long procedureId) {
        return procedures.findById(procedureId).orElseThrow(() -> new ProcedureNotFoundException(procedureId));
    }

    /** A household's procedures, newest first. */
    @Transactional(readOnly = true)
    public List<ProcedureView> of(long householdId) {
        registry.requireVisible(Viewer.current(), householdId);
        return procedures.findByHousehold(householdId).stream().map(this::view).toList();
    }

    /**
     * The procedure a task's resolution started (纳入监测, 风险消除), if there is one and the viewer may see the
     * household; a task's assignee need not (an escalated task), and then sees no procedure.
     */
    @Transactional(readOnly = true)
    public Optional<ProcedureView> startedByTask(long householdId, long taskId) {
        if (!registry.visible(Viewer.current(), householdId)) {
            return Optional.empty();
        }
        return procedures.findByHousehold(householdId).stream().filter(p -> Objects.equals(p.taskId(), taskId))
                .findFirst().map(this::view);
    }

    private ProcedureView view(Procedure p) {
        return ProcedureView.of(p, LocalDate.now(clock));
    }

    /** The current step goes to the village's chain (帮扶责任人 first) or to the township, due after its days. */
    private void assignCurrent(Procedure p) {
        Responsible who = p.currentStep().level() == Step.Level.VILLAGE ? registry.responsibleFor(p.householdId())
                : new Responsible(null, Responsible.Level.TOWNSHIP);
        p.assign(who, deadlines.stepDue(p));
    }

    /** The identification procedure supplies the dates the data-quality table checks (申请, 评议, 公示, 公告). */
    private void supplyDates(Procedure p, Step step, StepOutcome outcome, LocalDate date, String actor) {
        if (p.kind() != ProcedureKind.IDENTIFICATION) {
            return;
        }
        String key = step == Step.VILLAGE_NOTICE && outcome == StepOutcome.POSTED ? "noticeOn"
                : outcome == StepOutcome.PASSED ? IDENTIFICATION_DATES.get(step) : null;
        if (key != null) {
            statuses.supplyProcedureFacts(p.householdId(), Map.of(key, date), actor);
        }
    }

    /** The monitoring category the latest assessment proposes, if any. */
    private String proposedCategory(long householdId) {
        return assessments.latest(householdId).map(a -> a.outcomes().get("monitoring"))
                .filter(HouseholdStatus.CATEGORIES::contains).orElse(null);
    }

    private static String labels(ProcedureKind[] kinds) {
        return String.join("、", Arrays.stream(kinds).map(ProcedureKind::label).toList());
    }
}
