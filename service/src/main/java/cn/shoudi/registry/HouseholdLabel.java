package cn.shoudi.registry;

/**
 * How people name a household in a message or a list: its number, its head's name (户主), its village and villager
 * group. Never an ID number.
 *
 * @param headName the head's name, or null when the household has no member recorded as 户主
 */
public record HouseholdLabel(long householdId, String householdNo, String headName, String village, String group) {

    /** "红岩村2组 李明户" (the household number when there is no head). */
    public String text() {
        return village + group + " " + (headName != null ? headName + "户" : "户 " + householdNo);
    }
}
