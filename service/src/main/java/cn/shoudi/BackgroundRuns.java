package cn.shoudi;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Long runs (large simulations, large imports) executed one at a time on a daemon thread, with their progress kept
 * by id in memory on this instance, for the client to poll.
 *
 * @param <P> the progress record of the run
 */
public final class BackgroundRuns<P> {

    private final Map<String, P> runs = new ConcurrentHashMap<>();
    private final ExecutorService runner;

    public BackgroundRuns(String threadName) {
        this.runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Registers a run with its initial progress (made from its new id) and starts {@code work}, which reports through
     * {@link #update}; returns the initial progress.
     */
    public P start(java.util.function.Function<String, P> initial, Consumer<String> work) {
        String id = UUID.randomUUID().toString();
        P first = initial.apply(id);
        runs.put(id, first);
        runner.submit(() -> work.accept(id));
        return first;
    }

    public void update(String id, P progress) {
        runs.put(id, progress);
    }

    public Optional<P> get(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** Stops the runner; runs in flight are interrupted. */
    public void shutdown() {
        runner.shutdownNow();
    }
}
