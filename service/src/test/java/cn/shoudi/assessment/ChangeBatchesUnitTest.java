package cn.shoudi.assessment;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ChangeBatches} with a stand-in for the assessment: changes arriving while the batches allowed run are assessed
 * together in the next one, each change's thread returns once its batch is done, and failures reach exactly the threads
 * whose household failed.
 */
class ChangeBatchesUnitTest {

    final List<List<Long>> batches = Collections.synchronizedList(new ArrayList<>());

    @Test
    void changesArrivingDuringABatchAreAssessedTogetherInTheNext() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ChangeBatches changes = new ChangeBatches(1, ids -> {
            batches.add(ids);
            firstStarted.countDown();
            await(release);
            return Set.of();
        });
        ExecutorService threads = Executors.newFixedThreadPool(10);
        try {
            Future<?> first = threads.submit(() -> changes.assess(1));
            assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<?>> others = new ArrayList<>();
            for (long id = 2; id <= 9; id++) {
                long household = id;
                others.add(threads.submit(() -> changes.assess(household)));
            }
            others.add(threads.submit(() -> changes.assess(5)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (changes.waiting() < 9 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(changes.waiting()).isEqualTo(9);
            assertThat(others).as("waiting for the batch running").noneMatch(Future::isDone);
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> f : others) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdown();
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).containsExactly(1L);
        assertThat(batches.get(1)).as("one batch, each household once, in id order")
                .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void upToParallelBatchesRunAtATime() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        ChangeBatches changes = new ChangeBatches(2, ids -> {
            batches.add(ids);
            bothStarted.countDown();
            await(bothStarted);
            return Set.of();
        });
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> changes.assess(1));
            Future<?> second = threads.submit(() -> changes.assess(2));
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        } finally {
            threads.shutdown();
        }
        assertThat(bothStarted.getCount()).as("the second batch ran while the first was running").isZero();
        assertThat(batches).containsExactlyInAnyOrder(List.of(1L), List.of(2L));
    }

    @Test
    void aLoneChangeIsAssessedAtOnceOnItsOwnThread() {
        Thread caller = Thread.currentThread();
        List<Thread> ran = new ArrayList<>();
        new ChangeBatches(1, ids -> {
            batches.add(ids);
            ran.add(Thread.currentThread());
            return Set.of();
        }).assess(7);
        assertThat(batches).containsExactly(List.of(7L));
        assertThat(ran).containsExactly(caller);
    }

    @Test
    void aFailedHouseholdFailsItsOwnChangeOnly() throws Exception {
        ChangeBatches changes = new ChangeBatches(1, ids -> {
            batches.add(ids);
            return Set.of(3L);
        });
        changes.assess(2);
        assertThatThrownBy(() -> changes.assess(3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("household 3");
        ChangeBatches broken = new ChangeBatches(1, ids -> {
            throw new IllegalArgumentException("no connection");
        });
        assertThatThrownBy(() -> broken.assess(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no connection");
        assertThat(batches).containsExactly(List.of(2L), List.of(3L));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
