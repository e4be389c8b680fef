package cn.shoudi.procedure;

import cn.shoudi.InvalidRequestException;
import cn.shoudi.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The leaders' view of procedures (程序进度): how many households are at each step of each procedure and how many steps
 * are overdue, and the list behind each figure. A viewer limited to a village sees that village only.
 */
@Service
public class ProcedurePipeline {

    /** Procedures in progress at one step; {@code posted} of them have their notice up. */
    public record StepCount(String step, String label, String level, long count, long overdue, long posted) {
    }

    /** One procedure kind: its steps in order (zeros included) and totals. */
    public record KindRow(String kind, String label, List<StepCount> steps, long inProgress, long overdue,
                          long completed) {
    }

    /** Every kind, and totals across them. */
    public record Pipeline(List<KindRow> kinds, long inProgress, long overdue, LocalDate asOf) {
    }

    /** One procedure in progress, for the lists behind the figures. */
    public record Item(long id, long householdId, String householdNo, String headName, String village, String kind,
                       String kindLabel, String currentStep, String currentStepLabel, LocalDate noticePostedOn,
                       LocalDate stepDueDate, boolean overdue, boolean greenChannel, String category,
                       LocalDate startedOn, int escalationCount) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ProcedurePipeline(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Pipeline pipeline(Long villageId) {
        Long village = scope(villageId);
        LocalDate today = LocalDate.now(clock);
        Map<String, long[]> counts = new HashMap<>();
        jdbc.sql("SELECT kind, current_step, COUNT(*), SUM(CASE WHEN step_due_date < :today THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN notice_posted_on IS NULL THEN 0 ELSE 1 END) FROM procedure_case "
                        + "WHERE status = 'IN_PROGRESS'" + (village == null ? "" : " AND village_id = :village")
                        + " GROUP BY kind, current_step")
                .param("today", today).param("village", village == null ? -1L : village)
                .query(rs -> {
                    counts.put(rs.getString(1) + "/" + rs.getString(2), new long[] {rs.getLong(3), rs.getLong(4),
                            rs.getLong(5)});
                });
        Map<String, Long> completed = new HashMap<>();
        jdbc.sql("SELECT kind, COUNT(*) FROM procedure_case WHERE status = 'COMPLETED'"
                        + (village == null ? "" : " AND village_id = :village") + " GROUP BY kind")
                .param("village", village == null ? -1L : village)
                .query(rs -> {
                    completed.put(rs.getString(1), rs.getLong(2));
                });
        List<KindRow> kinds = new ArrayList<>();
        long allOpen = 0;
        long allOverdue = 0;
        for (ProcedureKind k : ProcedureKind.values()) {
            List<StepCount> steps = new ArrayList<>();
            long open = 0;
            long overdue = 0;
            for (Step s : k.steps()) {
                long[] c = counts.getOrDefault(k.name() + "/" + s.name(), new long[3]);
                steps.add(new StepCount(s.name(), s.label(), s.level().label(), c[0], c[1], c[2]));
                open += c[0];
                overdue += c[1];
            }
            kinds.add(new KindRow(k.name(), k.label(), steps, open, overdue, completed.getOrDefault(k.name(), 0L)));
            allOpen += open;
            allOverdue += overdue;
        }
        return new Pipeline(kinds, allOpen, allOverdue, today);
    }

    @Transactional(readOnly = true)
    public List<Item> items(String kind, String step, boolean overdueOnly, Long villageId) {
        Long village = scope(villageId);
        ProcedureKind k = kind == null || kind.isBlank() ? null : ProcedureKind.parse(kind)
                .orElseThrow(() -> new InvalidRequestException(List.of("未知的程序“" + kind + "”")));
        Step s = step == null || step.isBlank() ? null : Step.parse(step)
                .orElseThrow(() -> new InvalidRequestException(List.of("未知的步骤“" + step + "”")));
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("SELECT p.id, p.household_id, h.household_no, (SELECT m.name FROM registry_member m WHERE "
                        + "m.household_id = h.id AND m.relation = '户主' ORDER BY m.position LIMIT 1), v.name, p.kind, "
                        + "p.current_step, p.notice_posted_on, p.step_due_date, p.green_channel, p.category, "
                        + "p.started_on, p.escalation_count FROM procedure_case p "
                        + "JOIN registry_household h ON h.id = p.household_id "
                        + "JOIN registry_village v ON v.id = h.village_id WHERE p.status = 'IN_PROGRESS'"
                        + (village == null ? "" : " AND p.village_id = :village")
                        + (k == null ? "" : " AND p.kind = :kind") + (s == null ? "" : " AND p.current_step = :step")
                        + (overdueOnly ? " AND p.step_due_date < :today" : "")
                        + " ORDER BY p.step_due_date, p.id LIMIT 500")
                .param("village", village == null ? -1L : village).param("kind", k == null ? "" : k.name())
                .param("step", s == null ? "" : s.name()).param("today", today)
                .query((rs, n) -> {
                    ProcedureKind pk = ProcedureKind.valueOf(rs.getString(6));
                    Step cur = Step.valueOf(rs.getString(7));
                    LocalDate due = rs.getObject(9, LocalDate.class);
                    return new Item(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            pk.name(), pk.label(), cur.name(), cur.label(), rs.getObject(8, LocalDate.class), due,
                            due != null && due.isBefore(today), rs.getBoolean(10), rs.getString(11),
                            rs.getObject(12, LocalDate.class), rs.getInt(13));
                }).list();
    }

    /** The village a viewer may see: its own when limited to one (whatever it asked for), else what it asked for. */
    private static Long scope(Long asked) {
        Long own = Viewer.current().limitedToVillage();
        return own != null ? own : asked;
    }
}
