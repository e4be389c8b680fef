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
import java.nio.charset.StandardCharsets;
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
    private final Assessments assessments;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final AssessmentProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer evaluations;
    private final cn.shoudi.intake.IntakeSignals signals;

    AssessmentService(cn.shoudi.intake.IntakeSignals signals, MeterRegistry meters, Registry registry, ActivePolicy policy, Assessments assessments, JdbcClient jdbc,
                      JsonMapper json, ApplicationEventPublisher events, PlatformTransactionManager txManager,
                      AssessmentProperties properties, Clock clock) {
        this.signals = signals;
        this.meters = meters;
        this.evaluations = Timer.builder("shoudi.evaluations").description("evaluations of a household")
                .register(meters);
        this.registry = registry;
        this.policy = policy;
        this.assessments = assessments;
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
    void on(cn.shoudi.intake.SignalRecorded event) {
        assess(event.householdId());
    }

    /** The household's snapshot completed with its department signals: everything the rules read. */
    public HouseholdSnapshot complete(HouseholdSnapshot s) {
        List<cn.shoudi.rules.facts.SignalInput> received = signals.of(s.householdId());
        if (received.isEmpty()) {
            return s;
        }
        return new HouseholdSnapshot(s.householdId(), s.householdNo(), s.version(), s.villageId(), s.groupId(),
                s.input().withDetails(s.input().details().withSignals(received)));
    }

    /** Evaluates a household once its change is committed; the outbox retries it if the process dies first. */
    @Async
    @TransactionalEventListener
    void on(HouseholdChanged event) {
        assess(event.householdId());
    }

    /**
     * Evaluates a household now and stores the assessment unless an identical one is already the latest.
     *
     * @return the new assessment's id, or empty when nothing new was stored
     */
    public Optional<Long> assess(long householdId) {
        return cn.shoudi.Retrying.inTransaction(tx, ATTEMPTS, () -> assessInTransaction(householdId));
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
        Assessment saved = assessments.save(toRecord(snapshot, evaluation, hash));
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
     * Evaluates a page of households: the evaluations run in parallel on {@code workers}, then one transaction locks
     * the page's head rows in id order and writes every new assessment in batches. Households whose data, policy
     * version and as-of date equal their latest assessment are skipped.
     */
    public PageResult assessPage(List<Long> householdIds, java.util.concurrent.ExecutorService workers)
            throws InterruptedException {
        Evaluator evaluator = policy.evaluator();
        String version = evaluator.policy().version();
        LocalDate asOf = properties.asOfDate(clock);
        Map<Long, Head> heads = heads(householdIds, false);
        record Candidate(HouseholdSnapshot snapshot, String hash) {
        }
        List<Candidate> candidates = registry.snapshots(householdIds).stream().map(this::complete)
                .map(s -> new Candidate(s, inputsHash(s.input())))
                .filter(c -> !heads.containsKey(c.snapshot().householdId())
                        || !heads.get(c.snapshot().householdId()).matches(version, c.hash(), asOf))
                .toList();
        List<java.util.concurrent.Future<Assessment>> futures = new ArrayList<>();
        for (Candidate c : candidates) {
            futures.add(workers.submit(() -> {
                Evaluation evaluation = evaluations.record(() -> properties.evaluator().evaluate(evaluator, c.snapshot().input(), asOf));
                return toRecord(c.snapshot(), evaluation, c.hash());
            }));
        }
        List<Assessment> records = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < futures.size(); i++) {
            try {
                records.add(futures.get(i).get());
            } catch (java.util.concurrent.ExecutionException e) {
                failed++;
                log.error("evaluation of household {} failed: {}", candidates.get(i).snapshot().householdId(),
                        e.getCause().toString());
            }
        }
        int changed = records.isEmpty() ? 0 : writePage(records, version, asOf);
        return new PageResult(changed, failed);
    }

    private int writePage(List<Assessment> records, String version, LocalDate asOf) {
        return cn.shoudi.Retrying.inTransaction(tx, ATTEMPTS, () -> {
            List<Long> ids = records.stream().map(Assessment::householdId).sorted().toList();
            Map<Long, Head> locked = heads(ids, true);
            List<Long> missing = ids.stream().filter(id -> !locked.containsKey(id)).toList();
            if (!missing.isEmpty()) {
                jdbc.sql("INSERT INTO assessment_head (household_id, assessment_id, policy_version, "
                                + "inputs_hash, as_of) VALUES " + String.join(",",
                                missing.stream().map(id -> "(" + id + ", 0, '', '', '1970-01-01')").toList()))
                        .update();
                locked.putAll(heads(missing, true));
            }
            List<Assessment> fresh = records.stream()
                    .filter(r -> !locked.get(r.householdId()).matches(version, r.inputsHash(), asOf))
                    .toList();
            List<Assessment> saved = new ArrayList<>();
            assessments.saveAll(fresh).forEach(saved::add);
            for (Assessment a : saved) {
                jdbc.sql("UPDATE assessment_head SET assessment_id = ?, policy_version = ?, inputs_hash = ?, "
                                + "as_of = ? WHERE household_id = ?")
                        .params(a.id(), version, a.inputsHash(), asOf, a.householdId()).update();
                a.findings().forEach(f -> meters.counter("shoudi.findings", "code", f.code()).increment());
                events.publishEvent(new AssessmentRecorded(a.id(), a.householdId()));
            }
            return saved.size();
        });
    }

    /** Head rows of households, locked for update when asked. */
    private Map<Long, Head> heads(List<Long> householdIds, boolean forUpdate) {
        Map<Long, Head> out = new java.util.HashMap<>();
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
     * SHA-256 over a canonical form of everything the rules read (basics, members, details, signals): equal data gives
     * an equal hash, in every JVM (sets are sorted; records print their components in order).
     */
    static String inputsHash(HouseholdInput in) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("class", in.householdClass().name());
        canonical.put("netIncome", plain(in.netIncome()));
        canonical.put("rigid", plain(in.rigidExpenditure()));
        canonical.put("previous", in.previousYearNetIncome() == null ? "" : plain(in.previousYearNetIncome()));
        canonical.put("risks", String.join(",", new TreeSet<>(in.riskTypes())));
        canonical.put("coping", in.selfCoping());
        canonical.put("guarantee", in.guaranteeIssue());
        List<String> members = new ArrayList<>();
        for (MemberInput m : in.members()) {
            members.add(m.toString());
        }
        canonical.put("members", members);
        canonical.put("details", in.details().toString());
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
