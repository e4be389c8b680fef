package cn.shoudi.intake;

import cn.shoudi.InvalidRequestException;
import cn.shoudi.Retrying;
import cn.shoudi.intake.SignalBatch.Counts;
import cn.shoudi.intake.SignalBatch.RecordResult;
import cn.shoudi.intake.SignalService.Incoming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Receives a department's batch of signals (its daily file) in one transaction: validates every record as a single
 * signal is validated ({@link SignalService#problems}), stores each new event once (a record whose event id was
 * received before, or appears earlier in the file, is reported 重复 and stores nothing), matches members in bulk, and
 * keeps the batch with the result of every record. Valid records are stored even when others are invalid. The
 * households the new signals matched are announced in pages ({@link SignalsRecorded}), so each is evaluated once for
 * the batch, not once per signal. Lookups and inserts go by chunks: one query per chunk, inserts in JDBC batches.
 */
@Service
class SignalBatches {

    private static final Logger log = LoggerFactory.getLogger(SignalBatches.class);

    /** Records per lookup and per insert batch. */
    static final int CHUNK = 1000;
    /** Households per {@link SignalsRecorded} event: one page of evaluation. */
    static final int HOUSEHOLDS_PER_EVENT = 500;
    private static final int ATTEMPTS = 3;
    private static final int[] RESULT_TYPES = {Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.BIGINT, Types.BIGINT};

    private final SignalService signals;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JsonMapper json;
    private final IntakeProperties properties;

    SignalBatches(SignalService signals, JdbcClient jdbc, NamedParameterJdbcTemplate named,
                  ApplicationEventPublisher events, PlatformTransactionManager txManager, Clock clock, JsonMapper json,
                  IntakeProperties properties) {
        this.json = json;
        this.properties = properties;
        this.signals = signals;
        this.jdbc = jdbc;
        this.named = named;
        this.events = events;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** A file as received and read: by whom, for which department, under which name and in which format. */
    record Upload(String department, String receivedBy, String fileName, SignalFile.Format format,
                  List<SignalFile.Line> lines) {
    }

    /**
     * Reads a department's file and stores it as a batch (see {@link #receive(Upload)}).
     *
     * @throws InvalidRequestException when the file cannot be read, lacks a column, is empty or too large
     */
    SignalBatch receive(String department, String receivedBy, String fileName, SignalFile.Format format,
                        byte[] bytes) {
        long started = System.nanoTime();
        List<SignalFile.Line> lines = SignalFile.read(format, bytes, json, properties.maxBatchRecords());
        long read = System.nanoTime();
        SignalBatch batch = receive(new Upload(department, receivedBy, fileName, format, lines));
        Counts c = batch.counts();
        log.info("batch {} of {} ({}, {} bytes): {} records, {} new, {} unmatched, {} repeats, {} invalid, {} "
                        + "households; read in {} ms, stored in {} ms", batch.id(), department, format, bytes.length,
                c.records(), c.created(), c.unmatched(), c.duplicates(), c.invalid(), c.households(),
                (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        return batch;
    }

    /** A record that passed validation, normalized, its source filled in. */
    private record Valid(int index, Incoming signal) {
    }

    /** A signal received before, as much of it as a repeat is compared with. */
    private record Stored(long id, String kind, BigDecimal amount, LocalDate date, String idNumber, Long householdId) {
        boolean sameAs(Incoming in) {
            return kind.equals(in.kind()) && date.equals(in.date()) && idNumber.equalsIgnoreCase(in.idNumber())
                    && (amount == null ? in.amount() == null : in.amount() != null && amount.compareTo(in.amount()) == 0);
        }
    }

    /**
     * Stores the batch and returns its report. A record without a source is the department's; a record of another
     * department's source is invalid (a department sends its own signals only).
     */
    SignalBatch receive(Upload upload) {
        RecordResult[] results = new RecordResult[upload.lines().size()];
        List<Valid> valid = validate(upload, results);
        return Retrying.inTransaction(tx, ATTEMPTS, () -> store(upload, valid, results.clone()));
    }

    private List<Valid> validate(Upload upload, RecordResult[] results) {
        List<Valid> valid = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            SignalFile.Line line = upload.lines().get(i);
            List<String> problems = new ArrayList<>(line.unreadable().values());
            Incoming in = line.signal();
            if (in != null) {
                if (in.source() == null) {
                    in = new Incoming(upload.department(), in.eventId(), in.kind(), in.amount(), in.date(),
                            in.idNumber(), in.detail());
                } else if (!in.source().equals(upload.department()) && SignalService.KINDS.containsKey(in.source())) {
                    problems.add("本账号只能报送" + upload.department() + "的信号，不能报送" + in.source() + "的信号");
                }
                problems.addAll(signals.problems(in, line.unreadable().keySet()));
            }
            if (problems.isEmpty()) {
                valid.add(new Valid(i, in.normalized()));
            } else {
                results[i] = new RecordResult(line.number(), in == null ? null : in.eventId(), RecordStatus.INVALID,
                        problems, null, null);
            }
        }
        return valid;
    }

    private SignalBatch store(Upload upload, List<Valid> valid, RecordResult[] results) {
        Map<String, Integer> firstLine = new HashMap<>();
        List<Valid> fresh = new ArrayList<>();
        for (Valid v : valid) {
            int line = upload.lines().get(v.index()).number();
            Integer earlier = firstLine.putIfAbsent(key(v.signal().eventId()), line);
            if (earlier == null) {
                fresh.add(v);
            } else {
                results[v.index()] = new RecordResult(line, v.signal().eventId(), RecordStatus.DUPLICATE,
                        List.of("与本文件第 " + earlier + " 行的事件编号相同，未重复保存"), null, null);
            }
        }
        for (int from = 0; from < fresh.size(); from += CHUNK) {
            storeChunk(upload, fresh.subList(from, Math.min(fresh.size(), from + CHUNK)), results);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Counts counts = counts(results);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO intake_signal_batch (department, file_name, format, records, created, unmatched, "
                        + "duplicates, invalid, households, received_by, received_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(upload.department(), upload.fileName(), upload.format().name(), counts.records(),
                        counts.created(), counts.unmatched(), counts.duplicates(), counts.invalid(),
                        counts.households(), upload.receivedBy(), Timestamp.from(now))
                .update(key, "id");
        long batchId = Objects.requireNonNull(key.getKey()).longValue();
        insertResults(batchId, results);
        List<Long> households = new ArrayList<>(new TreeSet<>(Arrays.stream(results)
                .filter(r -> r.status() == RecordStatus.NEW).map(RecordResult::householdId).toList()));
        for (int from = 0; from < households.size(); from += HOUSEHOLDS_PER_EVENT) {
            events.publishEvent(new SignalsRecorded(batchId, List.copyOf(households.subList(from,
                    Math.min(households.size(), from + HOUSEHOLDS_PER_EVENT)))));
        }
        return new SignalBatch(batchId, upload.department(), upload.fileName(), upload.format().name(), counts,
                upload.receivedBy(), now, List.of(results));
    }

    /** Sorts a chunk of first occurrences into repeats of stored events and new signals, and stores the new ones. */
    private void storeChunk(Upload upload, List<Valid> chunk, RecordResult[] results) {
        Map<String, Stored> stored = stored(upload.department(), chunk.stream().map(v -> v.signal().eventId())
                .toList());
        List<Valid> created = new ArrayList<>();
        for (Valid v : chunk) {
            Stored s = stored.get(key(v.signal().eventId()));
            if (s == null) {
                created.add(v);
                continue;
            }
            String problem = "该事件此前已收到（信号 #" + s.id() + "），未重复保存"
                    + (s.sameAs(v.signal()) ? "" : "；本次内容与此前收到的不同，未更新（以首次收到的为准）");
            results[v.index()] = new RecordResult(upload.lines().get(v.index()).number(), v.signal().eventId(),
                    RecordStatus.DUPLICATE, List.of(problem), s.id(), s.householdId());
        }
        if (created.isEmpty()) {
            return;
        }
        Map<String, Long> households = signals.householdsOf(created.stream().map(Valid::signal).toList());
        List<Signal> rows = created.stream()
                .map(v -> signals.toSignal(v.signal(), households.get(v.signal().idNumber()))).toList();
        List<Long> ids = insertSignals(rows);
        for (int i = 0; i < created.size(); i++) {
            Valid v = created.get(i);
            Signal s = rows.get(i);
            boolean matched = s.householdId() != null;
            results[v.index()] = new RecordResult(upload.lines().get(v.index()).number(), s.eventId(),
                    matched ? RecordStatus.NEW : RecordStatus.UNMATCHED,
                    matched ? List.of() : List.of(s.reason() + "，已转入待核查队列"), ids.get(i), s.householdId());
        }
    }

    /** The department's stored signals among these event ids, by {@link #key}. */
    private Map<String, Stored> stored(String source, List<String> eventIds) {
        Map<String, Stored> out = new HashMap<>();
        jdbc.sql("SELECT id, event_id, kind, amount, event_date, id_number, household_id FROM intake_signal "
                        + "WHERE source = :source AND event_id IN (:ids)")
                .param("source", source).param("ids", eventIds)
                .query(rs -> {
                    long household = rs.getLong(7);
                    out.put(key(rs.getString(2)), new Stored(rs.getLong(1), rs.getString(3), rs.getBigDecimal(4),
                            rs.getObject(5, LocalDate.class), rs.getString(6), rs.wasNull() ? null : household));
                });
        return out;
    }

    /** Inserts new signals in one JDBC batch and returns their ids in the same order. */
    private List<Long> insertSignals(List<Signal> rows) {
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

    private void insertResults(long batchId, RecordResult[] results) {
        List<Object[]> rows = new ArrayList<>(results.length);
        for (RecordResult r : results) {
            rows.add(new Object[]{batchId, r.line(), truncate(r.eventId(), SignalService.MAX_EVENT_ID),
                    r.status().name(), r.problems().isEmpty() ? null : truncate(String.join("\n", r.problems()
                    .stream().map(p -> p.replace('\n', ' ')).toList()), 2000), r.signalId(), r.householdId()});
        }
        for (int from = 0; from < rows.size(); from += CHUNK) {
            named.getJdbcTemplate().batchUpdate("INSERT INTO intake_signal_batch_record (batch_id, line_no, event_id, "
                    + "status, problems, signal_id, household_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    rows.subList(from, Math.min(rows.size(), from + CHUNK)), RESULT_TYPES);
        }
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

    private static Counts counts(RecordResult[] results) {
        int[] by = new int[RecordStatus.values().length];
        for (RecordResult r : results) {
            by[r.status().ordinal()]++;
        }
        long households = Arrays.stream(results).filter(r -> r.status() == RecordStatus.NEW)
                .map(RecordResult::householdId).distinct().count();
        return new Counts(results.length, by[RecordStatus.NEW.ordinal()], by[RecordStatus.UNMATCHED.ordinal()],
                by[RecordStatus.DUPLICATE.ordinal()], by[RecordStatus.INVALID.ordinal()], (int) households);
    }

    /** Event ids compare as MySQL's default collation does (case-insensitive), on every database. */
    private static String key(String eventId) {
        return eventId.toLowerCase(Locale.ROOT);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
