package cn.shoudi.registry;

import cn.shoudi.rules.facts.HouseholdClass;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Writes and reads {@link StatusChange}s, in the transaction of the change they record. */
@Component
class StatusHistory {

    /** A change to write with others in one batch (a bulk load). */
    record Entry(long householdId, DecisionKind kind, LocalDate effectiveOn, HouseholdStatus after, String summary,
                 String reference) {

        /** The same change of a household whose id is known now. */
        Entry of(long id) {
            return new Entry(id, kind, effectiveOn, after, summary, reference);
        }
    }

    private static final String INSERT = "INSERT INTO registry_status_change (household_id, kind, effective_on, "
            + "household_class, registered_year, exit_year, monitoring_status, monitoring_category, monitoring_since, "
            + "risk_cleared_on, summary, reference, procedure_id, reason, actor, recorded_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    StatusHistory(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void record(long householdId, DecisionKind kind, LocalDate effectiveOn, HouseholdStatus after, String summary,
                String reference, Long procedureId, String reason, String actor, Instant now) {
        jdbc.sql(INSERT).params(values(householdId, kind, effectiveOn, after, summary, reference, procedureId, reason,
                actor, now)).update();
    }

    /** Writes changes of several households in one batch, without procedure or reason. */
    void recordAll(List<Entry> entries, String actor, Instant now) {
        template.batchUpdate(INSERT, entries.stream().map(e -> values(e.householdId(), e.kind(), e.effectiveOn(),
                e.after(), e.summary(), e.reference(), null, null, actor, now)).toList());
    }

    private static Object[] values(long householdId, DecisionKind kind, LocalDate effectiveOn, HouseholdStatus after,
                                   String summary, String reference, Long procedureId, String reason, String actor,
                                   Instant now) {
        return new Object[] {householdId, kind.name(), effectiveOn, after.householdClass().name(),
                after.registeredYear(), after.exitYear(), after.monitoring() == null ? null : after.monitoring().name(),
                after.category(), after.since(), after.riskClearedOn(), cut(summary, 500), cut(reference, 200),
                procedureId, cut(reason, 500), actor, Timestamp.from(now)};
    }

    /** A household's status changes, newest first. */
    List<StatusChange> of(long householdId) {
        return jdbc.sql("SELECT id, household_id, kind, effective_on, household_class, registered_year, exit_year, "
                        + "monitoring_status, monitoring_category, monitoring_since, risk_cleared_on, summary, reference, "
                        + "procedure_id, reason, actor, recorded_at FROM registry_status_change WHERE household_id = ? "
                        + "ORDER BY id DESC")
                .param(householdId)
                .query((rs, n) -> {
                    String m = rs.getString(8);
                    HouseholdStatus status = new HouseholdStatus(HouseholdClass.valueOf(rs.getString(5)),
                            rs.getObject(6, Integer.class), rs.getObject(7, Integer.class),
                            m == null ? null : MonitoringStatus.valueOf(m), rs.getString(9),
                            rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class));
                    return new StatusChange(rs.getLong(1), rs.getLong(2), DecisionKind.valueOf(rs.getString(3)),
                            rs.getObject(4, LocalDate.class), status, rs.getString(12), rs.getString(13),
                            rs.getObject(14, Long.class), rs.getString(15), rs.getString(16),
                            rs.getTimestamp(17).toInstant());
                }).list();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
