package cn.shoudi;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who works on a background run (its owner instance) and when that instance last said so (its heartbeat), as read
 * from the run's row. A run whose lease is stale is taken over by exactly one other instance: {@link #claim} is a
 * conditional UPDATE that succeeds only while the row still holds this lease, so of several instances racing for one
 * stale run one wins, and an owner that heartbeats in the meantime keeps its run. It relies on no lock (neither
 * {@code SKIP LOCKED} nor {@code GET_LOCK}, which are local to a node of a Galera cluster): on Galera the losers'
 * UPDATE either matches no row or fails certification.
 *
 * @param owner       the instance working on the run; null when none (never started, or released on shutdown)
 * @param heartbeatAt when the owner last reported; null when none
 */
public record RunLease(String owner, Instant heartbeatAt) {

    /** The lease of a run nobody has claimed yet. */
    public static final RunLease NONE = new RunLease(null, null);

    /** True when nobody works on the run: no owner, no heartbeat, or a heartbeat older than {@code staleAfter}. */
    public boolean stale(Instant now, Duration staleAfter) {
        return owner == null || heartbeatAt == null || heartbeatAt.isBefore(now.minus(staleAfter));
    }

    /**
     * Makes {@code newOwner} the owner of a running run, heartbeat {@code now}, if its row still holds this lease.
     *
     * @param table  the run table (a constant of the caller, never user input) with columns id, status, owner and
     *               heartbeat_at
     * @param status the status a run has while it runs
     * @return true when this caller won the run; false when the row no longer holds this lease, or when the UPDATE
     *         lost a concurrent one (a deadlock, or on Galera a failed certification)
     */
    public boolean claim(JdbcClient jdbc, String table, Object id, String status, String newOwner, Instant now) {
        List<Object> params = new ArrayList<>(List.of(newOwner, Timestamp.from(now), id, status));
        StringBuilder sql = new StringBuilder("UPDATE ").append(table)
                .append(" SET owner = ?, heartbeat_at = ? WHERE id = ? AND status = ?");
        if (owner == null) {
            sql.append(" AND owner IS NULL");
        } else {
            sql.append(" AND owner = ?");
            params.add(owner);
        }
        if (heartbeatAt == null) {
            sql.append(" AND heartbeat_at IS NULL");
        } else {
            sql.append(" AND heartbeat_at = ?");
            params.add(Timestamp.from(heartbeatAt));
        }
        try {
            return jdbc.sql(sql.toString()).params(params).update() == 1;
        } catch (ConcurrencyFailureException lost) {
            return false;
        }
    }
}
