package cn.shoudi.assessment;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/**
 * A full re-evaluation (全量重新评估) of every household: its progress and checkpoint.
 *
 * @param lastHouseholdId households up to this id are done; a resumed run continues after it
 */
@Table("assessment_run")
record AssessmentRun(@Id Long id, String reason, String policyVersion, String status, int total, int done,
                     int changed, int failed, long lastHouseholdId, String owner, Instant heartbeatAt,
                     Instant startedAt, Instant updatedAt, Instant finishedAt) {

    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
}
