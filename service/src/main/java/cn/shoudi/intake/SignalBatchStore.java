package cn.shoudi.intake;

import cn.shoudi.intake.SignalBatch.Counts;
import cn.shoudi.intake.SignalBatch.RecordResult;
import cn.shoudi.intake.SignalService.Incoming;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes department batches and their signals with plain JDBC: a set query per chunk of event ids, inserts in
 * JDBC batches (the MySQL driver sends each as multi-row inserts). Signals are written as the repository would write
 * them, a thousand at a time instead of one statement each.
 */
@Component
class SignalBatchStore {

    /** Rows per lookup and per insert batch. */
    static final int CHUNK = 1000;
    private static final int MAX_PROBLEMS = 2000;
    private static final int[] RESULT_TYPES = {Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.BIGINT, Types.BIGINT};

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    SignalBatchStore(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** A signal received before, as much of it as a repeat is compared with. */
    record Stored(long id, String kind, BigDecimal amount, LocalDate date, String idNumber, Long householdId) {

        /** Whether a repeat says the same as the stored signal (a department may re-send a corrected record). */
        boolean sameAs(Incoming in) {
            return kind.equals(in.kind()) && date.equals(in.date()) && idNumber.equalsIgnoreCase(in.idNumber())
                    && (amount == null ? in.amount() == null : in.amount() != null && amount.compareTo(in.amount()) == 0);
        }
    }

    /** The source's stored signals among these event ids (at most {@link #CHUNK}), by {@link #key}. */
    Map<String, Stored> stored(String source, List<String> eventIds) {
        Map<String, Stored> out = new HashMap<>();
        jdbc.sql("SELECT id, event_id, kind, amount, event_date, id_number, household_id FROM intake_signal "
                        + "WHERE source = :source AND event_id IN (:ids)")
                .param("source", source).param("ids", eventIds)
                .query(rs -> {
                    long household = rs.getLong(7);
                    Long householdId = rs.wasNull() ? null : household;
                    out.put(key(rs.getString(2)), new Stored(rs.getLong(1), rs.getString(3), rs.getBigDecimal(4),
                            rs.getObject(5, LocalDate.class), rs.getString(6), householdId));
                });
        return out;
    }

    /** Inserts new signals in one JDBC batch and returns their ids in the same order. */
    List<Long> insertSignals(List<Signal> rows) {
        // nullable values carry their SQL type: an untyped null makes the driver look the type up
        SqlParameterSource[] params = rows.stream().map(s -> new MapSqlParameterSource()
                        .addValue("source", s.source()).addValue("eventId", s.eventId()).addValue("kind", s.kind())
                        .addValue("amount", s.amount(), Types.DECIMAL).addValue("eventDate", s.eventDate())
                        .addValue("idNumber", s.idNumber()).addValue("detail", s.detail(), Types.VARCHAR)
                        .addValue("householdId", s.householdId(), Types.BIGINT).addValue("status", s.status())
                        .addValue("reason", s.reason(), Types.VARCHAR)
                        .addValue("receivedAt", Timestamp.from(s.receivedAt()))
                        .addValue("resolvedBy", s.resolvedBy(), Types.VARCHAR))
                .toArray(SqlParameterSource[]::new);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        named.batchUpdate("INSERT INTO intake_signal (source, event_id, kind, amount, event_date, id_number, detail, "
                + "household_id, status, reason, received_at, resolved_by) VALUES (:source, :eventId, :kind, :amount, "
                + ":eventDate, :idNumber, :detail, :householdId, :status, :reason, :receivedAt, :resolvedBy)", params,
                keys, new String[]{"id"});
        List<Map<String, Object>> generated = keys.getKeyList();
        if (generated.size() != rows.size()) {
            throw new IllegalStateException("expected " + rows.size() + " generated signal ids, got "
                    + generated.size());
        }
        return generated.stream().map(k -> ((Number) k.values().iterator().next()).longValue()).toList();
    }

    /** Inserts a batch with the result of every record and returns its id. */
    long insertBatch(String department, String fileName, SignalFile.Format format, Counts counts, String receivedBy,
                     Instant receivedAt, List<RecordResult> results) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO intake_signal_batch (department, file_name, format, records, created, unmatched, "
                        + "duplicates, invalid, households, received_by, received_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(department, truncate(fileName, 255), format.name(), counts.records(), counts.created(),
                        counts.unmatched(), counts.duplicates(), counts.invalid(), counts.households(), receivedBy,
                        Timestamp.from(receivedAt))
                .update(key, "id");
        long batchId = Objects.requireNonNull(key.getKey()).longValue();
        List<Object[]> rows = new ArrayList<>(results.size());
        for (RecordResult r : results) {
            rows.add(new Object[]{batchId, r.line(), truncate(r.eventId(), SignalService.MAX_EVENT_ID),
                    r.status().name(), r.problems().isEmpty() ? null : truncate(String.join("\n", r.problems()
                    .stream().map(p -> p.replace('\n', ' ')).toList()), MAX_PROBLEMS), r.signalId(),
                    r.householdId()});
        }
        for (int from = 0; from < rows.size(); from += CHUNK) {
            named.getJdbcTemplate().batchUpdate("INSERT INTO intake_signal_batch_record (batch_id, line_no, event_id, "
                    + "status, problems, signal_id, household_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    rows.subList(from, Math.min(rows.size(), from + CHUNK)), RESULT_TYPES);
        }
        return batchId;
    }

    /** A stored batch with the result of every record, in the file's order. */
    Optional<SignalBatch> find(long batchId) {
        return jdbc.sql("SELECT id, department, file_name, format, records, created, unmatched, duplicates, invalid, "
                        + "households, received_by, received_at FROM intake_signal_batch WHERE id = ?")
                .param(batchId)
                .query((rs, n) -> new SignalBatch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        new Counts(rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                                rs.getInt(10)), rs.getString(11), rs.getTimestamp(12).toInstant(),
                        results(batchId)))
                .optional();
    }

    private List<RecordResult> results(long batchId) {
        return jdbc.sql("SELECT line_no, event_id, status, problems, signal_id, household_id "
                        + "FROM intake_signal_batch_record WHERE batch_id = ? ORDER BY line_no")
                .param(batchId)
                .query((rs, n) -> {
                    String problems = rs.getString(4);
                    long signal = rs.getLong(5);
                    Long signalId = rs.wasNull() ? null : signal;
                    long household = rs.getLong(6);
                    Long householdId = rs.wasNull() ? null : household;
                    return new RecordResult(rs.getInt(1), rs.getString(2), RecordStatus.valueOf(rs.getString(3)),
                            problems == null ? List.of() : List.of(problems.split("\n")), signalId, householdId);
                }).list();
    }

    /** Event ids compare as MySQL's default collation does (case-insensitive), on every database. */
    static String key(String eventId) {
        return eventId.toLowerCase(Locale.ROOT);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
