package cn.shoudi.registry;

import cn.shoudi.rules.facts.HouseholdInput;

/**
 * A household as the rules see it, at one data version.
 *
 * @param householdId the household
 * @param householdNo household number (户编号)
 * @param version     data version the input was read at
 * @param villageId   village (行政村)
 * @param groupId     villager group (村民小组)
 * @param input       the rules' input
 */
public record HouseholdSnapshot(long householdId, String householdNo, long version, long villageId, long groupId, HouseholdInput input) {
}
