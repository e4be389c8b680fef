package cn.shoudi.intake;

/**
 * A department signal was matched to a household (on arrival or from the review queue); its evaluation must include
 * it. Published through the outbox.
 *
 * @param householdId the household
 * @param signalId    the stored signal
 */
public record SignalRecorded(long householdId, long signalId) {
}
