package db.migration.registry;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves the monitoring facts that were recorded in the registry's {@code facts} map before the monitoring lifecycle
 * existed into the household's status: 监测类型 and 纳入监测日期 become the status columns (kept as a correction in
 * the status history), 已落实帮扶措施数 and the procedure dates leave the map — the measures ledger and the procedures
 * supply them from now on, and a count cannot be turned back into dated measures.
 */
public class V19__registry_monitoring_status_from_facts extends BaseJavaMigration {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> MOVED = List.of("monitoringCategory", "monitoringSince", "measuresImplemented");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        record Row(long id, String facts) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, facts FROM registry_household WHERE facts LIKE ?")) {
            ps.setString(1, "%\"monitoring%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        for (Row row : rows) {
            ObjectNode facts = (ObjectNode) JSON.readTree(row.facts());
            String category = facts.has("monitoringCategory") ? facts.get("monitoringCategory").asString() : null;
            String since = facts.has("monitoringSince") ? facts.get("monitoringSince").asString() : null;
            MOVED.forEach(facts::remove);
            try (PreparedStatement ps = c.prepareStatement("UPDATE registry_household SET facts = ?, "
                    + "monitoring_status = ?, monitoring_category = ?, monitoring_since = ? WHERE id = ?")) {
                ps.setString(1, facts.isEmpty() ? null : JSON.writeValueAsString(facts));
                ps.setString(2, category == null ? null : "MONITORED");
                ps.setString(3, category);
                ps.setDate(4, category == null || since == null ? null : Date.valueOf(LocalDate.parse(since)));
                ps.setLong(5, row.id());
                ps.executeUpdate();
            }
            if (category != null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO registry_status_change (household_id, kind, "
                        + "effective_on, household_class, registered_year, exit_year, monitoring_status, "
                        + "monitoring_category, monitoring_since, summary, reason, actor, recorded_at) "
                        + "SELECT id, 'CORRECTED', COALESCE(monitoring_since, CURRENT_DATE), household_class, "
                        + "registered_year, exit_year, monitoring_status, monitoring_category, monitoring_since, ?, ?, "
                        + "'system', CURRENT_TIMESTAMP FROM registry_household WHERE id = ?")) {
                    ps.setString(1, "监测类型由数据项迁入监测状态：" + category);
                    ps.setString(2, "监测流程上线前在入户调查中录入的监测类型");
                    ps.setLong(3, row.id());
                    ps.executeUpdate();
                }
            }
        }
    }
}
