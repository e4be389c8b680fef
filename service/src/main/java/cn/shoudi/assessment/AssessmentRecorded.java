package cn.shoudi.assessment;

/**
 * A new assessment of a household was stored (its data or the policy changed). Published through the outbox.
 *
 * @param assessmentId the new assessment
 * @param householdId  the household
 */
public record AssessmentRecorded(long assessmentId, long householdId) {
}
