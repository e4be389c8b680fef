package cn.shoudi.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The record of notifications sent to cadres (township leaders and the administrator), newest first. */
@RestController
@Tag(name = "监测任务")
class NotificationController {

    private static final Set<String> STATUSES = Set.of("PENDING", "SENDING", "SENT", "FAILED");

    private final JdbcClient jdbc;

    NotificationController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param status PENDING, SENDING, SENT or FAILED; all when absent
     * @param limit  at most this many (1–500, default 100)
     */
    @Operation(summary = "查询发给帮扶干部的消息提醒及其发送记录（待发送、已发送、失败、重试次数）")
    @GetMapping("/api/notifications")
    List<Notification> notifications(@RequestParam(required = false) String status,
                                     @RequestParam(defaultValue = "100") int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, kind, cadre_id, village_id, channel, content, status, attempts, "
                + "last_error, next_attempt_at, created_at, sent_at FROM monitoring_notification");
        List<Object> params = new ArrayList<>();
        if (status != null && STATUSES.contains(status)) {
            sql.append(" WHERE status = ?");
            params.add(status);
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, Math.min(limit, 500)));
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> new Notification(rs.getLong(1), rs.getString(2),
                rs.getObject(3, Long.class), rs.getObject(4, Long.class), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getInt(8), rs.getString(9), instant(rs.getTimestamp(10)),
                instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)))).list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
