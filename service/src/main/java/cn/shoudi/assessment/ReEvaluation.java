package cn.shoudi.assessment;

import cn.shoudi.RunLease;
import cn.shoudi.RunsProperties;
import cn.shoudi.registry.Registry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Set;

/**
 * Full re-evaluation of every household (after a policy publication, or on request): streams household ids in pages,
 * reads and evaluates each page on all cores while the page before is written in one transaction, checkpoints after
 * every written page and reports progress (done / total / rate / ETA) in
 * the database and the log. A run whose instance died is taken over by another (or the restarted) instance and
 * resumes after its last checkpoint; re-evaluating a household twice stores nothing new.
 */
@Service
public class ReEvaluation {

    private static final Logger log = LoggerFactory.getLogger(ReEvaluation.class);

    private final AssessmentRuns runs;
    private final AssessmentService assessments;
    private final ActivePolicy policy;
    private final Registry registry;
    private final JdbcClient jdbc;
    private final AssessmentProperties properties;
    private final RunsProperties runsProperties;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> daemon(r, "re-evaluation"));
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> daemon(r, "re-evaluation-writer"));
    private final ExecutorService workers = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), r -> daemon(r, "re-evaluation-worker"));

    ReEvaluation(AssessmentRuns runs, AssessmentService assessments, ActivePolicy policy, Registry registry,
                 JdbcClient jdbc, AssessmentProperties properties, RunsProperties runsProperties, Clock clock) {
        this.runs = runs;
        this.assessments = assessments;
        this.policy = policy;
        this.registry = registry;
        this.jdbc = jdbc;
        this.properties = properties;
        this.runsProperties = runsProperties;
        this.clock = clock;
    }

    /** Starts a run in the background and returns it at once. */
    public AssessmentRunView start(String reason) {
        Instant now = clock.instant();
        AssessmentRun run = runs.save(new AssessmentRun(null, reason == null || reason.isBlank() ? "手动重新评估" : reason,
                policy.version(), AssessmentRun.RUNNING, (int) registry.householdCount(), 0, 0, 0, 0L, null, null, now,
                now, null));
        log.info("re-evaluation {} started ({}): {} households under policy {}", run.id(), run.reason(), run.total(),
                run.policyVersion());
        runner.submit(() -> process(run.id(), RunLease.NONE));
        return view(run);
    }

    /** A run's progress. */
    public Optional<AssessmentRunView> find(long runId) {
        return runs.findById(runId).map(this::view);
    }

    /** Every run, newest first. */
    public List<AssessmentRunView> all() {
        return runs.findAll().stream().sorted((a, b) -> Long.compare(b.id(), a.id())).map(this::view).toList();
    }

    /**
     * Resumes runs left unfinished by a crashed or stopped instance: a run whose owner has not heartbeated (at each
     * checkpoint) for {@code shoudi.runs.stale-after} is claimed by one instance, see {@link RunLease#claim}.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void resumeOrphans() {
        for (AssessmentRun run : runs.findByStatusOrderById(AssessmentRun.RUNNING)) {
            RunLease lease = new RunLease(run.owner(), run.heartbeatAt());
            if (!instance.equals(run.owner()) && lease.stale(clock.instant(), runsProperties.staleAfter())) {
                log.info("resuming re-evaluation {} after household {} ({} of {} done)", run.id(),
                        run.lastHouseholdId(), run.done(), run.total());
                runner.submit(() -> process(run.id(), lease));
            }
        }
    }

    /**
     * Works through the run's pages as a two-stage pipeline: while one page is written (on the writer thread), the next
     * is read and evaluated; the checkpoint after a page is taken once its write has committed, so a run resumed after
     * a crash starts after the last page actually stored.
     */
    void process(long runId, RunLease asRead) {
        if (!asRead.claim(jdbc, "assessment_run", runId, AssessmentRun.RUNNING, instance, clock.instant())) {
            return;
        }
        Future<AssessmentService.PageResult> writing = null;
        List<Long> written = List.of();
        try {
            long after = runs.findById(runId).orElseThrow().lastHouseholdId();
            // one scan for the whole run instead of a lookup per page; the registry refuses new duplicates meanwhile
            Set<String> shared = registry.sharedIdNumbers();
            while (true) {
                AssessmentRun run = runs.findById(runId).orElseThrow();
                if (!instance.equals(run.owner()) || !AssessmentRun.RUNNING.equals(run.status())) {
                    return;
                }
                List<Long> ids = registry.householdIdsAfter(after, properties.runPageSize());
                AssessmentService.EvaluatedPage page = ids.isEmpty() ? null : assessments.evaluatePage(ids, shared, workers);
                if (writing != null) {
                    checkpoint(run, written, writing.get());
                    writing = null;
                }
                if (page == null) {
                    finish(run);
                    return;
                }
                writing = writer.submit(() -> assessments.writePage(page));
                written = ids;
                after = ids.get(ids.size() - 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            log.error("re-evaluation {} stopped; it resumes from its last checkpoint", runId,
                    e instanceof ExecutionException ? e.getCause() : e);
        }
    }

    private void checkpoint(AssessmentRun run, List<Long> ids, AssessmentService.PageResult page) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE assessment_run SET done = done + ?, changed = changed + ?, failed = failed + ?, "
                        + "last_household_id = ?, heartbeat_at = ?, updated_at = ? WHERE id = ? AND owner = ?")
                .params(ids.size(), page.changed(), page.failed(), ids.get(ids.size() - 1), now, now, run.id(),
                        instance).update();
        AssessmentRunView v = find(run.id()).orElseThrow();
        log.info("re-evaluation {}: {}/{} households, {} changed, {} failed, {} per second, ETA {} s", v.id(),
                v.done(), v.total(), v.changed(), v.failed(), v.ratePerSecond(), v.etaSeconds());
    }

    private void finish(AssessmentRun run) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE assessment_run SET status = ?, finished_at = ?, updated_at = ?, heartbeat_at = ? "
                        + "WHERE id = ? AND owner = ?")
                .params(AssessmentRun.DONE, now, now, now, run.id(), instance).update();
        log.info("re-evaluation {} finished: {} households, {} changed, {} failed", run.id(), run.done(),
                run.changed(), run.failed());
    }

    private AssessmentRunView view(AssessmentRun r) {
        Instant end = r.finishedAt() != null ? r.finishedAt() : r.updatedAt();
        double seconds = Math.max(0.001, Duration.between(r.startedAt(), end).toMillis() / 1000.0);
        double rate = r.done() / seconds;
        Long eta = AssessmentRun.DONE.equals(r.status()) ? Long.valueOf(0)
                : rate > 0 ? Long.valueOf(Math.round((r.total() - r.done()) / rate)) : null;
        return new AssessmentRunView(r.id(), r.reason(), r.policyVersion(), r.status(), r.total(), r.done(),
                r.changed(), r.failed(), Math.round(rate * 10) / 10.0, eta, r.startedAt(), r.updatedAt(),
                r.finishedAt());
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
        writer.shutdownNow();
        workers.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
