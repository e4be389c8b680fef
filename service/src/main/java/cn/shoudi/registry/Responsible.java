package cn.shoudi.registry;

/**
 * Who is responsible for follow-up work on a household, found along the assignment chain: the household's helper
 * cadre (帮扶责任人), else the cadre stationed in its villager group (驻组干部), else the village committee (村两委);
 * when none of them is available the task goes to the township office (乡镇) with no named cadre. Data corrections go
 * to the village's information officer (扶贫信息员) instead, and escalate from there to the village committee.
 *
 * @param cadreId the cadre, or null for the township office
 * @param level   where in the chain the cadre was found
 */
public record Responsible(Long cadreId, Level level) {

    /** Steps of the assignment chain, nearest first. */
    public enum Level {
        HELPER("帮扶责任人"), GROUP_CADRE("驻组干部"), INFO_OFFICER("扶贫信息员"), VILLAGE_COMMITTEE("村两委"),
        TOWNSHIP("乡镇");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
