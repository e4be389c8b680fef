package cn.shoudi.assessment;

import cn.shoudi.registry.HouseholdChanged;
import cn.shoudi.registry.HouseholdSnapshot;
import cn.shoudi.registry.Registry;
import cn.shoudi.rules.eval.Evaluation;
import cn.shoudi.rules.eval.Evaluator;
import cn.shoudi.rules.eval.Finding;
import cn.shoudi.rules.facts.HouseholdInput;
import cn.shoudi.rules.facts.MemberInput;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import cn.shoudi.Retrying;
import cn.shoudi.intake.IntakeSignals;
import cn.shoudi.intake.SignalRecorded;
import cn.shoudi.rules.facts.SignalInput;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Evaluates a household with the published policy after every committed change and stores the explained
 * assessment. The same household data under the same policy version and as-of date is recognised and not stored
 * twice; concurrent evaluations of one household are serialised on its row in {@code assessment_head}.
 */
@Service
public class AssessmentService {

    private static final Logger log = LoggerFactory.getLogger(AssessmentService.class);
    private static final int ATTEMPTS = 5;

    private final Registry registry;
    private final ActivePolicy policy;
    private final AssessmentWriter writer;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final AssessmentProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer evaluations;
    private final IntakeSignals signals;
    private final ChangeBatches changes = new ChangeBatches(Runtime.getRuntime().availableProcessors(),
            this::assessChanges);

    AssessmentService(IntakeSignals signals, MeterRegistry meters, Registry registry, ActivePolicy policy, AssessmentWriter writer, JdbcClient jdbc,
                      JsonMapper json, ApplicationEventPublisher events, PlatformTransactionManager txManager,
                      AssessmentProperties properties, Clock clock) {
        this.signals = signals;
        this.meters = meters;
        this.evaluations = Timer.builder("shoudi.evaluations").description("evaluations of a household")
                .register(meters);
        this.registry = registry;
        this.policy = policy;
        this.writer = writer;
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.tx = new TransactionTemplate(txManager);
        this.properties = properties;
        this.clock = clock;
        if (properties.evaluator() == EvaluatorMode.NOOP) {
            log.warn("shoudi.assessment.evaluator=noop: households are NOT evaluated (benchmark I/O floor only)");
        }
    }

    /** The as-of date evaluations use now (configured, or today in UTC). */
    public LocalDate asOf() {
        return properties.asOfDate(clock);
    }

    /** A department signal was matched to the household: evaluate it with the signal. */
    @Async
    @TransactionalEventListener
    void on(SignalRecorded event) {
        changes.assess(event.householdId());
    }

    /** The household's snapshot completed with its department signals: everything the rules read. */
    public HouseholdSnapshot complete(HouseholdSnapshot s) {
        return withSignals(s, signals.of(s.householdId()));
    }

    /** Several snapshots completed with their department signals, read in one query. */
    public List<HouseholdSnapshot> complete(List<HouseholdSnapshot> snapshots) {
        Map<Long, List<SignalInput>> received = signals.of(
                snapshots.stream().map(HouseholdSnapshot::householdId).toList());
        return snapshots.stream().map(s -> withSignals(s, received.getOrDefault(s.householdId(), List.of())))
                .toList();
    }

    private static HouseholdSnapshot withSignals(HouseholdSnapshot s, List<SignalInput> received) {
        if (received.isEmpty()) {
            return s;
        }
        return new HouseholdSnapshot(s.householdId(), s.householdNo(), s.version(), s.villageId(), s.groupId(),
                s.input().withDetails(s.input().details().withSignals(received)));
    }

    /**
     * Evaluates a household once its change is committed, batched with the changes being handled meanwhile (see
     * {@link ChangeBatches}); the outbox retries it if the process dies first.
     */
    @Async
    @TransactionalEventListener
    void on(HouseholdChanged event) {
        changes.assess(event.householdId());
    }

    /**
     * Evaluates a household now and stores the assessment unless an identical one is already the latest.
     *
     * @return the new assessment's id, or empty when nothing new was stored
     */
    public Optional<Long> assess(long householdId) {
        return Retrying.inTransaction(tx, ATTEMPTS, () -> assessInTransaction(householdId));
    }

    private Optional<Long> assessInTransaction(long householdId) {
        Optional<HouseholdSnapshot> found = registry.snapshot(householdId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        HouseholdSnapshot snapshot = complete(found.get());
        Evaluator evaluator = policy.evaluator();
        String version = evaluator.policy().version();
        LocalDate asOf = properties.asOfDate(clock);
        String hash = inputsHash(snapshot.input());
        Optional<Head> head = lockHead(householdId);
        if (head.isPresent() && head.get().matches(version, hash, asOf)) {
            log.debug("household {} v{} unchanged under policy {}; no new assessment", householdId,
                    snapshot.version(), version);
            return Optional.empty();
        }
        Evaluation evaluation = evaluations.record(() -> properties.evaluator().evaluate(evaluator, snapshot.input(), asOf));
        evaluation.findings().forEach(f -> meters.counter("shoudi.findings", "code", f.code()).increment());
        Assessment saved = writer.insert(List.of(toRecord(snapshot, evaluation, hash))).get(0);
        jdbc.sql("UPDATE assessment_head SET assessment_id = ?, policy_version = ?, inputs_hash = ?, as_of = ? "
                        + "WHERE household_id = ?")
                .params(saved.id(), version, hash, asOf, householdId).update();
        events.publishEvent(new AssessmentRecorded(saved.id(), householdId));
        log.info("assessed household {} v{} under {} as of {}: {}", householdId, snapshot.version(), version, asOf,
                evaluation.decisions().values().stream().map(d -> d.tableId() + "=" + d.outcome()).toList());
        return Optional.of(saved.id());
    }

    /**
     * Counts of one page of a full re-evaluation.
     *
     * @param changed households that got a new assessment
     * @param failed  households whose evaluation failed (e.g. a missing parameter); logged
     */
    public record PageResult(int changed, int failed) {
    }

    /**
     * A page of households evaluated and not yet written: the new assessments (households already assessed
     * identically are left out) under one policy version and as-of date, and the latest assessment id each household's
     * head held when the page was read (0 for none).
     */
    record EvaluatedPage(List<Assessment> records, Map<Long, Long> headsRead, String version, LocalDate asOf,
                         Set<Long> failed) {
    }

    /**
     * Evaluates a page of households without writing anything: reads their data, signals and latest heads with a
     * fixed number of set queries, then hashes and evaluates them in parallel on {@code workers}. Households whose
     * data, policy version and as-of date equal their latest assessment are skipped.
     */
    EvaluatedPage evaluatePage(List<Long> householdIds, Executor workers) throws InterruptedException {
        return evaluatePage(householdIds, null, workers);
    }

    /**
     * @param sharedIdNumbers the ID numbers shared by more than one active household, read once for the run; null to
     *                        look them up for this page
     */
    EvaluatedPage evaluatePage(List<Long> householdIds, Set<String> sharedIdNumbers,
                               Executor workers) throws InterruptedException {
        Evaluator evaluator = policy.evaluator();
        String version = evaluator.policy().version();
        LocalDate asOf = properties.asOfDate(clock);
        Map<Long, Head> heads = heads(householdIds, false);
        List<HouseholdSnapshot> snapshots = complete(sharedIdNumbers == null ? registry.snapshots(householdIds)
                : registry.snapshots(householdIds, sharedIdNumbers));
        List<CompletableFuture<Optional<Assessment>>> futures = new ArrayList<>();
        for (HouseholdSnapshot s : snapshots) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                String hash = inputsHash(s.input());
                Head head = heads.get(s.householdId());
                if (head != null && head.matches(version, hash, asOf)) {
                    return Optional.empty();
                }
                Evaluation evaluation = evaluations.record(() -> properties.evaluator().evaluate(evaluator, s.input(),
                        asOf));
                return Optional.of(toRecord(s, evaluation, hash));
            }, workers));
        }
        List<Assessment> records = new ArrayList<>();
        Set<Long> failed = new TreeSet<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get().ifPresent(records::add);
            } catch (ExecutionException e) {
                failed.add(snapshots.get(i).householdId());
                log.error("evaluation of household {} failed: {}", snapshots.get(i).householdId(),
                        e.getCause().toString());
            }
        }
        Map<Long, Long> headsRead = new HashMap<>();
        heads.forEach((id, head) -> headsRead.put(id, head.assessmentId()));
        return new EvaluatedPage(records, headsRead, version, asOf, failed);
    }

    /**
     * Writes a page's new assessments in one transaction: creates the head rows of first evaluations (before any
     * locking read, see {@link #lockHead}), locks the page's heads in id order, stores in batches the assessments of the
     * households whose head nobody changed since the page read them, replaces their heads and publishes one
     * {@link AssessmentsRecorded} for the page. A household whose head changed meanwhile was assessed by a
     * change-driven evaluation or another instance from data at least as recent as the page's, so the page's
     * assessment, possibly of older data, is dropped rather than written over it.
     */
    /**
     * Writes a page of a full re-evaluation (see {@link #write}), storing the assessments of the households whose head
     * nobody changed since the page read them. A household whose head changed meanwhile was assessed by a
     * change-driven evaluation or another instance from data at least as recent as the page's, so the page's
     * assessment, possibly of older data, is dropped rather than written over it.
     */
    PageResult writePage(EvaluatedPage page) {
        int changed = write(page, (records, locked) -> records.stream().filter(r -> locked.get(r.householdId())
                .assessmentId() == page.headsRead().getOrDefault(r.householdId(), 0L)).toList());
        return new PageResult(changed, page.failed().size());
    }

    /**
     * Assesses a batch of changed households (see {@link ChangeBatches}): evaluated as a page, on this thread, and
     * written as {@link #writeChanges} says; evaluated again when the published policy changed meanwhile.
     *
     * @return the households whose evaluation failed
     */
    Set<Long> assessChanges(List<Long> householdIds) {
        for (int attempt = 1; ; attempt++) {
            EvaluatedPage page;
            try {
                page = evaluatePage(householdIds, Runnable::run);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            int written = writeChanges(page);
            if (written >= 0) {
                log.info("assessed {} changed households under {} as of {}: {} new, {} failed", householdIds.size(),
                        page.version(), page.asOf(), written, page.failed().size());
                return page.failed();
            }
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException("the published policy kept changing while households were assessed");
            }
        }
    }

    /**
     * Writes the assessments of a batch of changes like a page, with the rule for changes: a household's assessment is
     * dropped when its head already holds the same reading (inputs, policy and date) or the assessment of a later
     * version of the household (stored meanwhile by another instance). Writes nothing and answers -1 when the published
     * policy is no longer the one the batch was evaluated with.
     *
     * @return the assessments stored, or -1
     */
    int writeChanges(EvaluatedPage page) {
        return write(page, (records, locked) -> {
            if (!policy.evaluator().policy().version().equals(page.version())) {
                return null;
            }
            Map<Long, Long> stored = householdVersions(locked.values().stream().map(Head::assessmentId)
                    .filter(id -> id > 0).toList());
            return records.stream().filter(r -> {
                Head head = locked.get(r.householdId());
                return !head.matches(page.version(), r.inputsHash(), page.asOf())
                        && stored.getOrDefault(head.assessmentId(), -1L) <= r.householdVersion();
            }).toList();
        });
    }

    /**
     * Writes a page's new assessments in one transaction: creates the head rows of first evaluations (before any
     * locking read, see {@link #lockHead}), locks the page's heads in id order, stores in batches the assessments that
     * {@code fresh} keeps (given the locked heads), replaces their heads and publishes one {@link AssessmentsRecorded}.
     *
     * @param fresh the records to store given the locked heads; null to store nothing and answer -1
     * @return the assessments stored, or -1
     */
    private int write(EvaluatedPage page, BiFunction<List<Assessment>, Map<Long, Head>, List<Assessment>> fresh) {
        List<Assessment> records = page.records();
        if (records.isEmpty()) {
            return 0;
        }
        String version = page.version();
        LocalDate asOf = page.asOf();
        return Retrying.inTransaction(tx, ATTEMPTS, () -> {
            List<Long> ids = records.stream().map(Assessment::householdId).sorted().toList();
            Map<Long, Head> existing = heads(ids, false);
            List<Long> missing = ids.stream().filter(id -> !existing.containsKey(id)).toList();
            if (!missing.isEmpty()) {
                jdbc.sql("INSERT IGNORE INTO assessment_head (household_id, assessment_id, policy_version, "
                        + "inputs_hash, as_of) VALUES " + String.join(",", missing.stream()
                        .map(id -> "(" + id + ", 0, '', '', '1970-01-01')").toList())).update();
            }
            List<Assessment> kept = fresh.apply(records, heads(ids, true));
            if (kept == null) {
                return -1;
            }
            if (kept.isEmpty()) {
                return 0;
            }
            List<Assessment> saved = writer.insert(kept);
            List<Long> savedIds = saved.stream().map(Assessment::householdId).sorted().toList();
            jdbc.sql("DELETE FROM assessment_head WHERE household_id IN (:ids)").param("ids", savedIds).update();
            jdbc.sql("INSERT INTO assessment_head (household_id, assessment_id, policy_version, inputs_hash, as_of) "
                            + "VALUES " + String.join(",", Collections.nCopies(saved.size(),
                            "(?, ?, ?, ?, ?)")))
                    .params(saved.stream().flatMap(a -> Stream.<Object>of(a.householdId(), a.id(),
                            version, a.inputsHash(), asOf)).toList())
                    .update();
            for (Assessment a : saved) {
                a.findings().forEach(f -> meters.counter("shoudi.findings", "code", f.code()).increment());
            }
            events.publishEvent(new AssessmentsRecorded(savedIds));
            return saved.size();
        });
    }

    /** The household version each of these assessments was made from. */
    private Map<Long, Long> householdVersions(List<Long> assessmentIds) {
        Map<Long, Long> out = new HashMap<>();
        if (!assessmentIds.isEmpty()) {
            jdbc.sql("SELECT id, household_version FROM assessment WHERE id IN (:ids)").param("ids", assessmentIds)
                    .query(rs -> {
                        out.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        return out;
    }

    /** Head rows of households, locked for update when asked. */
    private Map<Long, Head> heads(List<Long> householdIds, boolean forUpdate) {
        Map<Long, Head> out = new HashMap<>();
        if (householdIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT household_id, assessment_id, policy_version, inputs_hash, as_of FROM assessment_head "
                        + "WHERE household_id IN (:ids) ORDER BY household_id" + (forUpdate ? " FOR UPDATE" : ""))
                .param("ids", householdIds)
                .query((rs, n) -> {
                    out.put(rs.getLong(1), new Head(rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDate.class)));
                    return null;
                }).list();
        return out;
    }

    private record Head(long assessmentId, String policyVersion, String inputsHash, LocalDate asOf) {
        boolean matches(String version, String hash, LocalDate date) {
            return assessmentId > 0 && policyVersion.equals(version) && inputsHash.equals(hash) && asOf.equals(date);
        }
    }

    /**
     * Locks the household's head row, creating it first when this is its first evaluation. The row is created before
     * any locking read: on InnoDB a locking read of a missing row locks the gap, and two first evaluations of new
     * households in the same gap (the newest ids) would deadlock on their inserts every time.
     */
    private Optional<Head> lockHead(long householdId) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM assessment_head WHERE household_id = ?").param(householdId)
                .query(Long.class).single() > 0;
        if (!exists) {
            jdbc.sql("INSERT IGNORE INTO assessment_head (household_id, assessment_id, policy_version, inputs_hash, "
                    + "as_of) VALUES (?, 0, '', '', ?)").params(householdId, LocalDate.EPOCH).update();
        }
        return selectHeadForUpdate(householdId);
    }

    private Optional<Head> selectHeadForUpdate(long householdId) {
        return jdbc.sql("SELECT assessment_id, policy_version, inputs_hash, as_of FROM assessment_head "
                        + "WHERE household_id = ? FOR UPDATE")
                .param(householdId)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class)))
                .optional();
    }

    private Assessment toRecord(HouseholdSnapshot snapshot, Evaluation evaluation, String hash) {
        List<Assessment.DecisionRecord> decisions = evaluation.decisions().values().stream()
                .map(d -> new Assessment.DecisionRecord(d.tableId(), d.title(), d.outcome())).toList();
        List<Assessment.FindingRecord> findings = new ArrayList<>();
        for (Finding f : evaluation.findings()) {
            findings.add(new Assessment.FindingRecord(f.tableId(), f.tableTitle(), f.file(), f.sheet(), f.row(),
                    f.code(), f.outcome(), f.reason(), f.output("task_code"),
                    json.writeValueAsString(new TreeMap<>(f.outputs())),
                    json.writeValueAsString(f.tested()), json.writeValueAsString(f.parameters())));
        }
        return new Assessment(null, snapshot.householdId(), snapshot.version(), evaluation.policyVersion(),
                evaluation.asOf(), hash, clock.instant(), decisions, findings);
    }

    /**
     * SHA-256 over a canonical form of everything the rules read (basics, members, details, signals; see
     * {@link CanonicalForm}), as UTF-16 (no encoding pass): equal data gives an equal hash, in every JVM.
     */
    static String inputsHash(HouseholdInput in) {
        StringBuilder text = new StringBuilder(2048);
        text.append("class=").append(in.householdClass().name()).append(";netIncome=");
        CanonicalForm.append(text, in.netIncome()).append(";rigid=");
        CanonicalForm.append(text, in.rigidExpenditure()).append(";previous=");
        CanonicalForm.append(text, in.previousYearNetIncome()).append(";risks=");
        CanonicalForm.append(text, new TreeSet<>(in.riskTypes())).append(";coping=").append(in.selfCoping())
                .append(";guarantee=").append(in.guaranteeIssue()).append(";members=");
        CanonicalForm.append(text, in.members()).append(";details=");
        CanonicalForm.append(text, in.details());
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer utf16 = ByteBuffer.allocate(text.length() * 2);
            utf16.asCharBuffer().append(text);
            md.update(utf16);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
