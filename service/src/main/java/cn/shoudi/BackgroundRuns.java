package cn.shoudi;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Long runs (household imports, policy simulations) in the background, one at a time per kind on each instance, with
 * their state in the database (table {@code background_run}): status, progress, owner instance and heartbeat, the
 * input and options needed to run the work again, a checkpoint of its writes, and the report (JSON) or the error. Any
 * instance answers a run's progress. The owner renews its heartbeat every {@code shoudi.runs.heartbeat-interval}; a run
 * whose heartbeat is older than {@code shoudi.runs.stale-after} is claimed by another instance through
 * {@link RunLease#claim} (one of several contenders wins) and run again from its last checkpoint. Every write of a run
 * is fenced by its owner: an instance that lost its run can neither report nor checkpoint (so the writes of its
 * transaction roll back) nor finish it.
 */
@Component
public class BackgroundRuns {

    private static final Logger log = LoggerFactory.getLogger(BackgroundRuns.class);
    private static final String TABLE = "background_run";
    private static final String COLUMNS = "id, kind, status, done, total, options, checkpoint, report, error, started_at,"
            + " updated_at, finished_at";
    private static final long PROGRESS_EVERY_MS = 500;

    /** A run's status. */
    public enum Status { RUNNING, DONE, FAILED }

    /**
     * A run as stored, without its input.
     *
     * @param options    the work's options as JSON (see {@link #read})
     * @param checkpoint how far the run's writes got, as JSON; null before the first checkpoint
     * @param report     the work's report as JSON once done
     */
    public record Run(String id, String kind, Status status, int done, int total, String options, String checkpoint,
                      String report, String error, Instant startedAt, Instant updatedAt, Instant finishedAt) {
    }

    /** The work of one kind of run; it must be safe to run again on another instance from the run's last checkpoint. */
    @FunctionalInterface
    public interface Work {
        /** Does the run's work and returns its report (stored as JSON); an exception fails the run with its message. */
        Object perform(Run run, byte[] input, Reporter reporter);
    }

    /** How a run's work reports; each call fails with {@link RunTakenOver} once another instance owns the run. */
    public interface Reporter {
        /** Progress so far (written at most twice a second). */
        void progress(int done, int total);

        /** How far the run's writes got; call it inside the transaction of those writes, so both commit or neither. */
        void checkpoint(int done, int total, Object state);
    }

    /** The run belongs to another instance now: the work stops and the transaction it is in rolls back. */
    public static final class RunTakenOver extends RuntimeException {
        RunTakenOver(String runId) {
            super("run " + runId + " was taken over by another instance");
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final RunsProperties properties;
    private final String instance = UUID.randomUUID().toString();
    private final Map<String, Work> works = new ConcurrentHashMap<>();
    private final Map<String, ExecutorService> runners = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    BackgroundRuns(JdbcClient jdbc, JsonMapper json, Clock clock, RunsProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /** This instance's id, as the owner column of the runs it works on names it. */
    public String instance() {
        return instance;
    }

    /** Makes this instance able to run (and take over) runs of {@code kind}. */
    public void register(String kind, Work work) {
        works.put(kind, work);
    }

    /** Stores a new run owned by this instance and starts its work here; returns the run as stored. */
    public Run start(String kind, Object options, byte[] input, int total) {
        if (!works.containsKey(kind)) {
            throw new IllegalStateException("no work registered for runs of kind " + kind);
        }
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("INSERT INTO " + TABLE + " (id, kind, status, done, total, options, input, owner, heartbeat_at, attempts,"
                        + " started_at, updated_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, 1, ?, ?)")
                .params(id, kind, Status.RUNNING.name(), total, json.writeValueAsString(options), input, instance, now,
                        now, now).update();
        submit(kind, id);
        return find(kind, id).orElseThrow();
    }

    /** A run of this kind, from whichever instance runs it. */
    public Optional<Run> find(String kind, String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE id = ? AND kind = ?").params(id, kind)
                .query(BackgroundRuns::run).optional();
    }

    /** Reads options, a checkpoint or a report stored as JSON. */
    public <T> T read(String stored, Class<T> type) {
        return json.readValue(stored, type);
    }

    /** Renews the heartbeat of every run this instance owns. */
    @Scheduled(fixedDelayString = "${shoudi.runs.heartbeat-interval:PT5S}")
    void heartbeat() {
        try {
            jdbc.sql("UPDATE " + TABLE + " SET heartbeat_at = ? WHERE owner = ? AND status = ?")
                    .params(Timestamp.from(clock.instant()), instance, Status.RUNNING.name()).update();
        } catch (DataAccessException e) {
            log.warn("heartbeat of background runs failed; retried at the next interval", e);
        }
    }

    /** Claims the runs whose owner stopped heartbeating, and runs them again here. */
    @Scheduled(fixedDelayString = "${shoudi.runs.takeover-interval:PT10S}",
            initialDelayString = "${shoudi.runs.takeover-interval:PT10S}")
    void takeOverStale() {
        if (stopping) {
            return;
        }
        record Candidate(String id, String kind, RunLease lease) {
        }
        List<Candidate> running = jdbc.sql("SELECT id, kind, owner, heartbeat_at FROM " + TABLE + " WHERE status = ?")
                .param(Status.RUNNING.name()).query((rs, n) -> new Candidate(rs.getString("id"), rs.getString("kind"),
                        new RunLease(rs.getString("owner"), instant(rs, "heartbeat_at")))).list();
        Instant now = clock.instant();
        for (Candidate c : running) {
            if (works.containsKey(c.kind()) && !instance.equals(c.lease().owner())
                    && c.lease().stale(now, properties.staleAfter())
                    && c.lease().claim(jdbc, TABLE, c.id(), Status.RUNNING.name(), instance, now)) {
                jdbc.sql("UPDATE " + TABLE + " SET attempts = attempts + 1 WHERE id = ? AND owner = ?")
                        .params(c.id(), instance).update();
                log.info("took over {} run {} from instance {} (last heartbeat {})", c.kind(), c.id(),
                        c.lease().owner(), c.lease().heartbeatAt());
                submit(c.kind(), c.id());
            }
        }
    }

    private void submit(String kind, String id) {
        runners.computeIfAbsent(kind, k -> Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "run-" + k.toLowerCase(Locale.ROOT));
            t.setDaemon(true);
            return t;
        })).submit(() -> execute(kind, id));
    }

    private void execute(String kind, String id) {
        try {
            Run run = find(kind, id).orElseThrow();
            // a list, since a run without input (a simulation) has a null one
            byte[] input = jdbc.sql("SELECT input FROM " + TABLE + " WHERE id = ?").param(id)
                    .query((rs, n) -> rs.getBytes(1)).list().get(0);
            Object report = works.get(kind).perform(run, input, new OwnerReporter(id));
            finish(id, Status.DONE, json.writeValueAsString(report), null);
        } catch (RunTakenOver e) {
            log.info("{} run {} stopped here: {}", kind, id, e.getMessage());
        } catch (RuntimeException e) {
            if (stopping) {
                log.info("{} run {} interrupted by shutdown; another instance takes it over", kind, id);
                return;
            }
            log.warn("{} run {} failed", kind, id, e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            finish(id, Status.FAILED, null, message.length() > 2000 ? message.substring(0, 2000) : message);
        }
    }

    private void finish(String id, Status status, String report, String error) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE " + TABLE + " SET status = ?, report = ?, error = ?, input = NULL, heartbeat_at = ?,"
                        + " updated_at = ?, finished_at = ? WHERE id = ? AND owner = ? AND status = ?")
                .params(status.name(), report, error, now, now, now, id, instance, Status.RUNNING.name()).update();
        if (updated == 0) {
            log.info("run {} was taken over before it finished here; its result is left to the new owner", id);
        }
    }

    /** Reports as the owner: every write names this instance, and fails once another instance owns the run. */
    private final class OwnerReporter implements Reporter {

        private final String id;
        private long lastProgress;

        OwnerReporter(String id) {
            this.id = id;
        }

        @Override
        public void progress(int done, int total) {
            long nowMs = System.currentTimeMillis();
            if (done < total && nowMs - lastProgress < PROGRESS_EVERY_MS) {
                return;
            }
            lastProgress = nowMs;
            write(null, done, total);
        }

        @Override
        public void checkpoint(int done, int total, Object state) {
            write(json.writeValueAsString(state), done, total);
        }

        /** Writes progress, and the checkpoint unless null; fails when this instance no longer owns the run. */
        private void write(String checkpoint, int done, int total) {
            Timestamp now = Timestamp.from(clock.instant());
            if (jdbc.sql("UPDATE " + TABLE + " SET checkpoint = COALESCE(?, checkpoint), done = ?, total = ?,"
                            + " heartbeat_at = ?, updated_at = ? WHERE id = ? AND owner = ? AND status = ?")
                    .params(checkpoint, done, total, now, now, id, instance, Status.RUNNING.name()).update() == 0) {
                throw new RunTakenOver(id);
            }
        }
    }

    /** Stops the runners and releases this instance's runs, so another instance takes them over at its next look. */
    @PreDestroy
    void stop() {
        stopping = true;
        runners.values().forEach(ExecutorService::shutdownNow);
        try {
            jdbc.sql("UPDATE " + TABLE + " SET owner = NULL, heartbeat_at = NULL WHERE owner = ? AND status = ?")
                    .params(instance, Status.RUNNING.name()).update();
        } catch (DataAccessException e) {
            log.warn("could not release background runs on shutdown; they are taken over once stale", e);
        }
    }

    private static Run run(ResultSet rs, int n) throws SQLException {
        return new Run(rs.getString("id"), rs.getString("kind"), Status.valueOf(rs.getString("status")),
                rs.getInt("done"), rs.getInt("total"), rs.getString("options"), rs.getString("checkpoint"),
                rs.getString("report"), rs.getString("error"), instant(rs, "started_at"), instant(rs, "updated_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
