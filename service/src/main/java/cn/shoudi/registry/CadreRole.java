package cn.shoudi.registry;

/**
 * The role a cadre (干部) holds in the assignment chain.
 */
public enum CadreRole {
    /** 帮扶责任人: helps assigned households. */
    HELPER,
    /** 驻组干部: stationed in a villager group. */
    GROUP_CADRE,
    /** 扶贫信息员: keeps the village's registry data; fixes data-quality problems. */
    INFO_OFFICER,
    /** 村两委: member of the village committee. */
    VILLAGE_COMMITTEE,
    /** 乡镇干部: township office. */
    TOWNSHIP
}
