package cn.shoudi.policy;

import io.swagger.v3.oas.annotations.media.Schema;
import cn.shoudi.BackgroundRuns;
import cn.shoudi.registry.Registry;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * Impact simulations in the background, for large registries: any instance reports a simulation's progress, and
 * another instance starts it over when its owner dies (a simulation only reads).
 */
@Service
class SimulationRuns {

    static final String KIND = "SIMULATION";

    private final BackgroundRuns runs;
    private final PolicySimulation simulation;
    private final PolicyService policies;
    private final Registry registry;

    /** What a simulation needs. */
    record Options(long versionId, String user) {
    }

    /** Progress of a simulation in the background; the report once done. */
    @Schema(name = "SimulationProgress")
    record Progress(String id, long versionId, String status, int done, int total, PolicySimulation.Report report,
                    String error) {
    }

    SimulationRuns(BackgroundRuns runs, PolicySimulation simulation, PolicyService policies, Registry registry) {
        this.runs = runs;
        this.simulation = simulation;
        this.policies = policies;
        this.registry = registry;
        runs.register(KIND, this::perform);
    }

    /** Starts a simulation of a version in the background; follow it with {@link #progress}. */
    Progress start(long versionId, String user) {
        policies.find(versionId);
        return progress(runs.start(KIND, new Options(versionId, user), null, (int) registry.householdCount()));
    }

    Optional<Progress> progress(String id) {
        return runs.find(KIND, id).map(this::progress);
    }

    private PolicySimulation.Report perform(BackgroundRuns.Run run, byte[] input, BackgroundRuns.Reporter reporter) {
        Options o = runs.read(run.options(), Options.class);
        int total = run.total();
        return simulation.run(o.versionId(), o.user(), done -> reporter.progress(done, Math.max(done, total)));
    }

    private Progress progress(BackgroundRuns.Run run) {
        long versionId = runs.read(run.options(), Options.class).versionId();
        return switch (run.status()) {
            case RUNNING -> new Progress(run.id(), versionId, run.status().name(), run.done(), run.total(), null, null);
            case DONE -> {
                PolicySimulation.Report r = runs.read(run.report(), PolicySimulation.Report.class);
                yield new Progress(run.id(), versionId, run.status().name(), r.households(), r.households(), r, null);
            }
            case FAILED -> new Progress(run.id(), versionId, run.status().name(), 0, run.total(), null, run.error());
        };
    }
}
