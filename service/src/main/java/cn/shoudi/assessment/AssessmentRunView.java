package cn.shoudi.assessment;

import java.time.Instant;

/**
 * Progress of a full re-evaluation.
 *
 * @param ratePerSecond households per second so far
 * @param etaSeconds    estimated seconds to finish, 0 when done, null before the first checkpoint
 */
public record AssessmentRunView(long id, String reason, String policyVersion, String status, int total, int done,
                                int changed, int failed, double ratePerSecond, Long etaSeconds, Instant startedAt,
                                Instant updatedAt, Instant finishedAt) {
}
