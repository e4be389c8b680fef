package cn.shoudi.bench.peer;

import cn.shoudi.bench.JmhFigure;

import java.util.List;

/**
 * Figure 2: runs {@link PeerBenchmark} on one thread and on all cores and prints per-household times of the
 * identification and monitoring tables, Drools against each DMN peer (Camunda 7 with its default FEEL engine, Camunda 7
 * with its legacy FEEL/JUEL engine, KIE DMN), with the ratio Drools ÷ each peer measured in the same run (goal: Drools
 * ≥ 5× a peer's throughput). Arguments: [warm-up iterations] [measurement iterations] [JMH profiler, e.g. stack].
 */
public final class PeerMain {

    private PeerMain() {
    }

    public static void main(String[] args) throws Exception {
        var results = new JmhFigure(PeerBenchmark.class, args).run();
        JmhFigure.print("Figure 2 — identification + monitoring tables, Drools vs DMN engines", results, "drools",
                List.of("camundaFeel", "camundaJuel", "kieDmn"), "goal: Drools households/s ≥ 5× a peer's");
    }
}
