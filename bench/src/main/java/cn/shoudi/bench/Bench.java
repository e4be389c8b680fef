package cn.shoudi.bench;

import cn.shoudi.bench.evaluation.EvaluationMain;
import cn.shoudi.bench.feed.FeedMain;
import cn.shoudi.bench.peer.PeerMain;
import cn.shoudi.bench.latency.LatencyMain;
import cn.shoudi.bench.publish.PublishMain;
import cn.shoudi.bench.reevaluation.ReEvaluationMain;
import cn.shoudi.bench.startup.StartupMain;

import java.util.Arrays;

/**
 * One entry point for the {@code bench} Maven profile: {@code Bench <figure> [arguments of that figure]}, where the
 * figure is {@code evaluation} (Drools vs hand-written), {@code peer} (Drools vs Camunda DMN), {@code reevaluation}
 * (full re-evaluation on MariaDB vs the do-nothing evaluator), {@code latency} (event to task through the REST API),
 * {@code publish} (publish time of generated policies), {@code feed} (a department's 10,000-signal batch through REST,
 * end to end), {@code startup} (cold start-up of the service and the first compile of the policy) or {@code all} (each
 * with its defaults). Each figure also has its own main.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String figure = args.length > 0 ? args[0] : "all";
        String[] rest = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length) : new String[0];
        switch (figure) {
            case "evaluation" -> EvaluationMain.main(rest);
            case "peer" -> PeerMain.main(rest);
            case "reevaluation" -> ReEvaluationMain.main(rest);
            case "latency" -> LatencyMain.main(rest);
            case "publish" -> PublishMain.main(rest);
            case "feed" -> FeedMain.main(rest);
            case "startup" -> StartupMain.main(rest);
            case "all" -> {
                EvaluationMain.main(rest);
                PeerMain.main(rest);
                ReEvaluationMain.main(new String[0]);
                LatencyMain.main(new String[0]);
                PublishMain.main(new String[0]);
                FeedMain.main(new String[0]);
                StartupMain.main(new String[0]);
            }
            default -> throw new IllegalArgumentException("unknown figure '" + figure
                    + "': use evaluation, peer, reevaluation, latency, publish, feed, startup or all");
        }
    }
}
