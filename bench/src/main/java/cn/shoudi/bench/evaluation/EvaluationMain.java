package cn.shoudi.bench.evaluation;

import cn.shoudi.bench.JmhFigure;

/**
 * Figure 1: runs {@link EvaluationBenchmark} on one thread and on all cores and prints per-household times of the full
 * default policy with the ratio of Drools to the hand-written baseline measured in the same run (goal ≤ 1.5×, p50 and
 * mean, one thread).
 * Arguments: [warm-up iterations] [measurement iterations] [JMH profiler].
 */
public final class EvaluationMain {

    private EvaluationMain() {
    }

    public static void main(String[] args) throws Exception {
        var results = new JmhFigure(EvaluationBenchmark.class, args).run();
        JmhFigure.print("Figure 1 — per-household evaluation of the full default policy", results, "drools",
                "handWritten", "goal: time ≤ 1.5× (p50 and mean, one thread)");
    }
}
