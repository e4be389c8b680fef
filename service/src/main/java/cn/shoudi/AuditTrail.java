package cn.shoudi;

import io.swagger.v3.oas.annotations.media.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail (审计日志): logins and their failures, every write, every export, and every read of a full ID number.
 * Entries are written outside any transaction the caller has, each committed by itself (auto-commit: one round trip,
 * not four), so a failed request is still recorded; they are never changed.
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    /** Kinds of entry. */
    public enum Action { LOGIN, LOGIN_FAILED, WRITE, EXPORT, SHOW_ID, ACCOUNT }

    /**
     * One entry.
     *
     * @param outcome HTTP status or OK / FAILED / LOCKED
     */
    @Schema(name = "AuditEntry")
    public record Entry(long id, Instant at, String username, String role, Action action, String target,
                        String outcome, String detail, String remoteAddress) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void record(String username, String role, Action action, String target, String outcome, String detail,
                       String remoteAddress) {
        jdbc.sql("INSERT INTO security_audit (at, username, role, action, target, outcome, detail, remote_address) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), cut(username, 100), cut(role, 20), action.name(),
                        cut(target, 300), cut(outcome, 20), cut(detail, 500), cut(remoteAddress, 64))
                .update();
        log.debug("audit {} {} {} {}", username, action, target, outcome);
    }

    /** Records an action of the current viewer. */
    public void record(Action action, String target, String outcome, String detail) {
        Viewer v = Viewer.current();
        record(v.username(), v.role(), action, target, outcome, detail, null);
    }

    /** Entries, newest first, filtered by any of user, action and time range (nulls match everything). */
    @Transactional(readOnly = true)
    public List<Entry> find(String username, Action action, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, at, username, role, action, target, outcome, detail, "
                + "remote_address FROM security_audit WHERE 1 = 1");
        List<Object> p = new ArrayList<>();
        if (username != null && !username.isBlank()) {
            sql.append(" AND username = ?");
            p.add(username);
        }
        if (action != null) {
            sql.append(" AND action = ?");
            p.add(action.name());
        }
        if (from != null) {
            sql.append(" AND at >= ?");
            p.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND at < ?");
            p.add(Timestamp.from(to));
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, Math.min(limit, 1000)));
        return jdbc.sql(sql.toString()).params(p).query((rs, i) -> new Entry(rs.getLong(1),
                rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), Action.valueOf(rs.getString(5)),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))).list();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
