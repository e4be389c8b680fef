package cn.shoudi.bench.peer;

import cn.shoudi.bench.JmhFigure;

/**
 * Figure 2: runs {@link PeerBenchmark} on one thread and on all cores and prints per-household times of the
 * identification and monitoring tables, Drools against Camunda 7 DMN, with the throughput ratio measured in the same
 * run (goal: Drools ≥ 5× Camunda's throughput). Arguments: [warm-up iterations] [measurement iterations]
 * [JMH profiler, e.g. stack].
 */
public final class PeerMain {

    private PeerMain() {
    }

    public static void main(String[] args) throws Exception {
        var results = new JmhFigure(PeerBenchmark.class, args).run();
        JmhFigure.print("Figure 2 — identification + monitoring tables, Drools vs Camunda 7 DMN", results, "drools",
                "camundaDmn", "goal: Drools households/s ≥ 5× Camunda's");
    }
}
