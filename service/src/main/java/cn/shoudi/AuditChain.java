package cn.shoudi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Makes the audit trail (审计日志) tamper-evident: entries are chained by hash in id order, each entry's
 * {@code chain_hash} being SHA-256 of the previous entry's hash and the entry's own stored content, and the chain's head
 * (last id, last hash, number of entries) is kept in a row of its own. An entry changed, removed or inserted afterwards
 * no longer matches when the chain is recomputed ({@link #verify}).
 *
 * <p>Entries are written in auto-commit on the request path without any lock, so they are sealed a moment later, in id
 * order, by whichever instance moves the head first (a conditional update of the head: no lock that a Galera node
 * keeps to itself). Sealing stops at the first entry younger than the grace period, so that an insert still being
 * committed is not passed over; one committed later than that below the head stays unsealed and is reported.
 */
@Service
public class AuditChain {

    /** The hash before the first entry. */
    static final String GENESIS = "0".repeat(64);
    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final int PAGE = 1000;
    private static final String COLUMNS = "id, at, username, role, action, target, outcome, detail, remote_address";

    /**
     * What a verification found.
     *
     * @param intact       true when every sealed entry matches its hash and the head
     * @param checked      sealed entries recomputed
     * @param sealedUpTo   the head: the last sealed entry's id
     * @param headHash     the head's hash (worth writing down elsewhere: the chain up to it cannot be rewritten
     *                     unnoticed by anyone who kept it)
     * @param firstBroken  the first entry whose hash does not match (changed, or the entry before it removed), or null
     * @param problem      what is wrong, in Chinese, or null
     * @param unsealed     entries below the head without a hash (committed after the head passed them, or inserted)
     * @param pending      entries above the head, waiting to be sealed
     */
    public record Verification(boolean intact, long checked, long sealedUpTo, String headHash, Long firstBroken,
                               String problem, long unsealed, long pending) {
    }

    private record Head(long lastId, String lastHash, long entries) {
    }

    private record Row(long id, Instant at, String hash, String content) {
    }

    private final JdbcClient jdbc;
    /** For the hashes of a page: one JDBC batch (one round trip with rewriteBatchedStatements), not a statement each. */
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration grace;

    AuditChain(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, Clock clock,
               @Value("${shoudi.security.audit-seal-grace:PT5S}") Duration grace) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(fixedDelayString = "${shoudi.security.audit-seal-interval:PT2S}",
            initialDelayString = "${shoudi.security.audit-seal-interval:PT2S}")
    void sealScheduled() {
        try {
            seal();
        } catch (DataAccessException e) {
            log.debug("audit sealing lost a race or failed, next time: {}", e.toString());
        }
    }

    /**
     * Seals the entries older than the grace period that follow the head, page by page.
     *
     * @return how many entries this call sealed (0 when another instance moved the head meanwhile)
     */
    public int seal() {
        Instant until = clock.instant().minus(grace);
        int sealed = 0;
        while (true) {
            Head head = head();
            List<Row> next = jdbc.sql("SELECT " + COLUMNS + " FROM security_audit WHERE id > ? ORDER BY id LIMIT "
                    + PAGE).param(head.lastId()).query((rs, i) -> row(rs)).list();
            int young = 0;
            while (young < next.size() && !next.get(young).at().isAfter(until)) {
                young++;
            }
            List<Row> rows = next.subList(0, young); // in id order, up to the first entry still in its grace period
            if (rows.isEmpty()) {
                return sealed;
            }
            String hash = head.lastHash();
            List<Object[]> updates = new ArrayList<>(rows.size());
            for (Row r : rows) {
                hash = link(hash, r.content());
                updates.add(new Object[] {hash, r.id()});
            }
            Row last = rows.get(rows.size() - 1);
            String lastHash = hash;
            Boolean moved = tx.execute(status -> {
                int won = jdbc.sql("UPDATE security_audit_seal SET last_id = ?, last_hash = ?, entries = entries + ?, "
                                + "sealed_at = ? WHERE id = 1 AND last_id = ? AND last_hash = ?")
                        .params(last.id(), lastHash, rows.size(), Timestamp.from(clock.instant()), head.lastId(),
                                head.lastHash()).update();
                if (won == 0) {
                    return false; // another instance sealed these first
                }
                batch.batchUpdate("UPDATE security_audit SET chain_hash = ? WHERE id = ?", updates);
                return true;
            });
            if (!Boolean.TRUE.equals(moved)) {
                return sealed;
            }
            sealed += rows.size();
            log.debug("audit sealed up to {} ({})", last.id(), lastHash);
        }
    }

    /** Recomputes the whole chain from its first entry and compares it with every entry's hash and the head. */
    public Verification verify() {
        Head head = head();
        String hash = GENESIS;
        long after = 0;
        long checked = 0;
        while (true) {
            List<Row> rows = jdbc.sql("SELECT " + COLUMNS + ", chain_hash FROM security_audit "
                            + "WHERE chain_hash IS NOT NULL AND id > ? ORDER BY id LIMIT " + PAGE)
                    .param(after).query((rs, i) -> row(rs)).list();
            if (rows.isEmpty()) {
                break;
            }
            for (Row r : rows) {
                hash = link(hash, r.content());
                checked++;
                if (!hash.equals(r.hash())) {
                    return broken(head, checked, r.id(), "第 " + r.id() + " 条审计记录与哈希链不符：该记录被改动，或它之前的记录被删除");
                }
            }
            after = rows.get(rows.size() - 1).id();
        }
        if (after != head.lastId() || !hash.equals(head.lastHash()) || checked != head.entries()) {
            return broken(head, checked, null, "哈希链的末端与封存记录不符：封存后的审计记录被删除（应有 " + head.entries()
                    + " 条，实有 " + checked + " 条）");
        }
        return new Verification(true, checked, head.lastId(), head.lastHash(), null, null, unsealed(head),
                pending(head));
    }

    private Verification broken(Head head, long checked, Long at, String problem) {
        log.warn("audit chain broken: {}", problem);
        return new Verification(false, checked, head.lastId(), head.lastHash(), at, problem, unsealed(head),
                pending(head));
    }

    private long unsealed(Head head) {
        return jdbc.sql("SELECT COUNT(*) FROM security_audit WHERE chain_hash IS NULL AND id <= ?")
                .param(head.lastId()).query(Long.class).single();
    }

    private long pending(Head head) {
        return jdbc.sql("SELECT COUNT(*) FROM security_audit WHERE id > ?").param(head.lastId()).query(Long.class)
                .single();
    }

    private Head head() {
        return jdbc.sql("SELECT last_id, last_hash, entries FROM security_audit_seal WHERE id = 1")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3))).single();
    }

    /** An entry as stored, each field length-prefixed (so that no two entries read the same); time in seconds. */
    private static Row row(ResultSet rs) throws SQLException {
        Instant at = rs.getTimestamp("at").toInstant();
        StringBuilder c = new StringBuilder();
        c.append(rs.getLong("id")).append('|').append(at.getEpochSecond());
        for (String column : List.of("username", "role", "action", "target", "outcome", "detail", "remote_address")) {
            String v = rs.getString(column);
            c.append('|').append(v == null ? -1 : v.length()).append(':').append(v == null ? "" : v);
        }
        boolean hashed = rs.getMetaData().getColumnCount() > 9;
        return new Row(rs.getLong("id"), at, hashed ? rs.getString("chain_hash") : null, c.toString());
    }

    static String link(String previous, String content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
