package cn.shoudi.registry;

/**
 * A household's data changed and was committed; published through the transactional outbox.
 *
 * @param householdId the household
 * @param version     its data version after the change
 */
public record HouseholdChanged(long householdId, long version) {
}
