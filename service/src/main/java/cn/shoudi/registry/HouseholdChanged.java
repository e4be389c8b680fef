package cn.shoudi.registry;

/**
 * A household's data, or what the rules read about it, changed and was committed; published through the transactional
 * outbox. Also published, with its unchanged version, for another active household when a member's ID number starts or
 * stops being shared with the household that changed (one person, one household: DQ-ID3).
 *
 * @param householdId the household
 * @param version     its data version after the change
 */
public record HouseholdChanged(long householdId, long version) {
}
