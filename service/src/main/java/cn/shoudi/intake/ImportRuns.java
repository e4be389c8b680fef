package cn.shoudi.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import cn.shoudi.BackgroundRuns;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * Household imports in the background, for large files: the uploaded file and its options are stored with the run, so
 * any instance reports its progress and another instance runs it again when its owner dies. Running an import again
 * is safe: it continues after the checkpoint committed with its last write (households already stored are skipped and
 * their outcomes kept), and a household already stored would anyway match by its number and be left unchanged.
 */
@Service
class ImportRuns {

    static final String KIND = "IMPORT";

    private final BackgroundRuns runs;
    private final HouseholdImport importer;

    /** What an import needs besides its file. */
    record Options(String fileName, HouseholdImport.Mode mode, Long onlyVillage) {
    }

    /**
     * Progress of an import running in the background; the report once done.
     *
     * @param households while running, twice the households of the file (each is validated, then written)
     */
    @Schema(name = "ImportProgress")
    record Progress(String id, String status, int households, int done, HouseholdImport.Report report, String error) {
    }

    ImportRuns(BackgroundRuns runs, HouseholdImport importer) {
        this.runs = runs;
        this.importer = importer;
        runs.register(KIND, this::perform);
    }

    /** Starts an import in the background; follow it with {@link #progress}. */
    Progress start(String fileName, byte[] bytes, HouseholdImport.Mode mode, Long onlyVillage) {
        return progress(runs.start(KIND, new Options(fileName, mode, onlyVillage), bytes, 0));
    }

    Optional<Progress> progress(String id) {
        return runs.find(KIND, id).map(this::progress);
    }

    private HouseholdImport.Report perform(BackgroundRuns.Run run, byte[] file, BackgroundRuns.Reporter reporter) {
        Options o = runs.read(run.options(), Options.class);
        HouseholdImport.Checkpoint from = run.checkpoint() == null ? HouseholdImport.Checkpoint.NONE
                : runs.read(run.checkpoint(), HouseholdImport.Checkpoint.class);
        return importer.run(o.fileName(), file, o.mode(), o.onlyVillage(), new HouseholdImport.Listener() {
            private int total;

            @Override
            public void progress(int done, int total) {
                this.total = total;
                reporter.progress(done, total);
            }

            @Override
            public void written(HouseholdImport.Checkpoint checkpoint) {
                reporter.checkpoint(total / 2 + checkpoint.written(), total, checkpoint);
            }
        }, from);
    }

    private Progress progress(BackgroundRuns.Run run) {
        return switch (run.status()) {
            case RUNNING -> new Progress(run.id(), run.status().name(), run.total(), run.done(), null, null);
            case DONE -> {
                HouseholdImport.Report r = runs.read(run.report(), HouseholdImport.Report.class);
                yield new Progress(run.id(), run.status().name(), r.households(), r.households(), r, null);
            }
            case FAILED -> new Progress(run.id(), run.status().name(), 0, 0, null, run.error());
        };
    }
}
