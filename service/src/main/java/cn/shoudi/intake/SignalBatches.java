package cn.shoudi.intake;

import cn.shoudi.InvalidRequestException;
import cn.shoudi.Retrying;
import cn.shoudi.intake.SignalBatch.Counts;
import cn.shoudi.intake.SignalBatch.RecordResult;
import cn.shoudi.intake.SignalService.Incoming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Receives a department's batch of signals (its daily file) in one transaction: validates every record as a single
 * signal is validated ({@link SignalService#problems}), stores each new event once (a record whose event id was
 * received before, or appears earlier in the file, is reported 重复 and stores nothing), matches members in bulk, and
 * keeps the batch with the result of every record. Valid records are stored even when others are invalid. The
 * households the new signals matched are announced in pages ({@link SignalsRecorded}), so each is evaluated once for
 * the batch, not once per signal. Lookups and inserts go by chunks ({@link SignalBatchStore}): one query per chunk,
 * inserts in JDBC batches.
 */
@Service
class SignalBatches {

    private static final Logger log = LoggerFactory.getLogger(SignalBatches.class);

    /** Households per {@link SignalsRecorded} event: one page of evaluation. */
    static final int HOUSEHOLDS_PER_EVENT = 500;
    private static final int ATTEMPTS = 3;

    private final SignalService signals;
    private final SignalBatchStore store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JsonMapper json;
    private final IntakeProperties properties;

    SignalBatches(SignalService signals, SignalBatchStore store, ApplicationEventPublisher events,
                  PlatformTransactionManager txManager, Clock clock, JsonMapper json, IntakeProperties properties) {
        this.signals = signals;
        this.store = store;
        this.json = json;
        this.properties = properties;
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

    /**
     * Stores the batch and returns its report. A record without a source is the department's; a record of another
     * department's source is invalid (a department sends its own signals only).
     */
    private SignalBatch receive(Upload upload) {
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
                    in = in.withSource(upload.department());
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
            Integer earlier = firstLine.putIfAbsent(SignalBatchStore.key(v.signal().eventId()), line);
            if (earlier == null) {
                fresh.add(v);
            } else {
                results[v.index()] = new RecordResult(line, v.signal().eventId(), RecordStatus.DUPLICATE,
                        List.of("与本文件第 " + earlier + " 行的事件编号相同，未重复保存"), null, null);
            }
        }
        for (int from = 0; from < fresh.size(); from += SignalBatchStore.CHUNK) {
            storeChunk(upload, fresh.subList(from, Math.min(fresh.size(), from + SignalBatchStore.CHUNK)), results);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Counts counts = counts(results);
        long batchId = store.insertBatch(upload.department(), upload.fileName(), upload.format(), counts,
                upload.receivedBy(), now, List.of(results));
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
        Map<String, SignalBatchStore.Stored> stored = store.stored(upload.department(),
                chunk.stream().map(v -> v.signal().eventId()).toList());
        List<Valid> created = new ArrayList<>();
        for (Valid v : chunk) {
            SignalBatchStore.Stored s = stored.get(SignalBatchStore.key(v.signal().eventId()));
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
        List<Long> ids = store.insertSignals(rows);
        for (int i = 0; i < created.size(); i++) {
            Valid v = created.get(i);
            Signal s = rows.get(i);
            boolean matched = s.householdId() != null;
            results[v.index()] = new RecordResult(upload.lines().get(v.index()).number(), s.eventId(),
                    matched ? RecordStatus.NEW : RecordStatus.UNMATCHED,
                    matched ? List.of() : List.of(s.reason() + "，已转入待核查队列"), ids.get(i), s.householdId());
        }
    }

    /** A stored batch with the result of every record, in the file's order. */
    Optional<SignalBatch> find(long batchId) {
        return store.find(batchId);
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
}
