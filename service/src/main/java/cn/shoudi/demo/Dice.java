package cn.shoudi.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The generator's one source of randomness, seeded, with the few draws it needs. */
final class Dice {

    private final SplittableRandom rnd;

    Dice(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    int nextInt(int bound) {
        return rnd.nextInt(bound);
    }

    double nextDouble() {
        return rnd.nextDouble();
    }

    boolean nextBoolean() {
        return rnd.nextBoolean();
    }

    /** A shuffled copy (Fisher–Yates). */
    <T> List<T> shuffle(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            T t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy;
    }

    /** {@code n} distinct elements at random. */
    <T> List<T> pick(List<T> pool, int n) {
        if (pool.size() < n) {
            throw new IllegalStateException("cannot pick " + n + " of " + pool.size());
        }
        return shuffle(pool).subList(0, n);
    }

    /** {@code total} split into {@code n} random parts of at least {@code min}, summing exactly. */
    long[] split(long total, int n, long min) {
        long[] parts = new long[n];
        double[] weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = 0.2 + rnd.nextDouble();
            sum += weights[i];
        }
        long left = total - min * n;
        long given = 0;
        for (int i = 0; i < n; i++) {
            parts[i] = min + (long) Math.floor(left * weights[i] / sum);
            given += parts[i];
        }
        for (long r = total - given; r > 0; r--) {
            parts[rnd.nextInt(n)]++;
        }
        return parts;
    }
}
