package cn.shoudi.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Assesses households after their changes in batches, the way a database commits a group: the thread of each change
 * hands its household over and waits; whichever waiting thread finds no batch running takes every household handed
 * over so far and has them assessed together (set reads, one write, one event for monitoring), while the others wait.
 * Under light load a batch is one household and nobody waits for anyone; under load batches grow by themselves with
 * the changes that arrive while one is assessed. A thread returns only once its household's batch has been stored, so
 * the outbox still marks a change handled only when its assessment is. Up to {@code parallel} batches run at a time
 * (one per core: a single one would get too little of the CPU beside the requests being served); two batches holding
 * the same household are kept apart by the rule {@link AssessmentService#writeChanges} writes by.
 */
final class ChangeBatches {

    private record Waiting(long householdId, CompletableFuture<Void> result) {
    }

    private final Function<List<Long>, Set<Long>> assess;
    private final int parallel;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    private List<Waiting> queue = new ArrayList<>();
    private int running;

    /**
     * @param parallel how many batches may run at a time, at least 1
     * @param assess   assesses a batch of households (distinct, in id order) and returns those whose evaluation
     *                 failed; an exception fails the whole batch
     */
    ChangeBatches(int parallel, Function<List<Long>, Set<Long>> assess) {
        this.assess = assess;
        this.parallel = Math.max(1, parallel);
    }

    /**
     * Assesses the household with whatever else is waiting, and returns once that is stored.
     *
     * @throws IllegalStateException when its evaluation failed, or the batch's
     */
    void assess(long householdId) {
        Waiting me = new Waiting(householdId, new CompletableFuture<>());
        lock.lock();
        try {
            queue.add(me);
            while (!me.result().isDone()) {
                if (running >= parallel || queue.isEmpty()) {
                    finished.awaitUninterruptibly();
                    continue;
                }
                running++;
                List<Waiting> batch = queue;
                queue = new ArrayList<>();
                lock.unlock();
                try {
                    run(batch);
                } finally {
                    lock.lock();
                    running--;
                    finished.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        try {
            me.result().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Changes handed over and not yet taken into a batch. */
    int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private void run(List<Waiting> batch) {
        try {
            Set<Long> failed = assess.apply(batch.stream().map(Waiting::householdId).distinct().sorted().toList());
            for (Waiting w : batch) {
                if (failed.contains(w.householdId())) {
                    w.result().completeExceptionally(new IllegalStateException("evaluation of household "
                            + w.householdId() + " failed"));
                } else {
                    w.result().complete(null);
                }
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(w -> w.result().completeExceptionally(e));
        }
    }
}
