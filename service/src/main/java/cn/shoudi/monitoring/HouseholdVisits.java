package cn.shoudi.monitoring;

import io.swagger.v3.oas.annotations.media.Schema;
import cn.shoudi.Viewer;
import cn.shoudi.registry.HouseholdStatuses;
import cn.shoudi.registry.Measure;
import cn.shoudi.registry.Registry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Visits outside a task (入户走访): a helper's regular visit to a household, above all a monitored one, with the measures
 * implemented and the assessment of rigid spending and new risks; what the visit found reaches the registry (measures,
 * facts) and the household is re-evaluated, so 风险消除 can be proposed once its conditions hold.
 */
@Service
public class HouseholdVisits {

    /** A visit as stored, measures by Chinese label. */
    @Schema(name = "HouseholdVisitView")
    public record VisitView(long id, LocalDate visitDate, long cadreId, String findings, List<String> measures,
                            String otherMeasure, Boolean rigidSpendResolved, Boolean newRiskDetected, String recordedBy,
                            Instant recordedAt) {
    }

    private final TaskCommands commands;
    private final HouseholdStatuses statuses;
    private final Registry registry;
    private final JdbcClient jdbc;
    private final Clock clock;

    HouseholdVisits(TaskCommands commands, HouseholdStatuses statuses, Registry registry, JdbcClient jdbc, Clock clock) {
        this.commands = commands;
        this.statuses = statuses;
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a visit; the same validation as a task's visit.
     *
     * @throws AccessDeniedException when the visit is recorded in another cadre's name (a cadre acts only as themself,
     *                               as on tasks)
     */
    @Transactional
    public VisitView record(long householdId, TaskCommands.VisitData data) {
        Viewer v = Viewer.current();
        registry.requireVisible(v, householdId);
        List<Measure> measures = commands.validated(data);
        if (v != Viewer.SYSTEM && (v.cadreId() == null || !v.cadreId().equals(data.cadreId()))) {
            throw new AccessDeniedException("a cadre records visits only as themself");
        }
        Instant now = clock.instant();
        String other = measures.contains(Measure.OTHER) ? data.otherMeasure().trim() : null;
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO monitoring_household_visit (household_id, visit_date, cadre_id, findings, "
                        + "measures, other_measure, rigid_spend_resolved, new_risk_detected, recorded_by, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(householdId, data.visitDate(), data.cadreId(), data.findings().trim(),
                        measures.stream().map(Enum::name).collect(Collectors.joining(",")), other,
                        data.rigidSpendResolved(), data.newRiskDetected(), v.username(), Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        statuses.recordVisit(householdId, new HouseholdStatuses.VisitFacts(data.visitDate(), data.cadreId(), measures,
                other, data.rigidSpendResolved(), data.newRiskDetected(), "走访 #" + id), v.username());
        return of(householdId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    /** A household's visits outside tasks, newest first. */
    @Transactional(readOnly = true)
    public List<VisitView> of(long householdId) {
        registry.requireVisible(Viewer.current(), householdId);
        return jdbc.sql("SELECT id, visit_date, cadre_id, findings, measures, other_measure, rigid_spend_resolved, "
                        + "new_risk_detected, recorded_by, recorded_at FROM monitoring_household_visit "
                        + "WHERE household_id = ? ORDER BY visit_date DESC, id DESC")
                .param(householdId)
                .query((rs, n) -> new VisitView(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3),
                        rs.getString(4), Arrays.stream(rs.getString(5).split(",")).filter(s -> !s.isBlank())
                        .map(s -> Measure.valueOf(s).label()).toList(), rs.getString(6),
                        rs.getObject(7, Boolean.class), rs.getObject(8, Boolean.class), rs.getString(9),
                        rs.getTimestamp(10).toInstant()))
                .list();
    }
}
