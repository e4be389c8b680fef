package cn.shoudi.rules.facts;

/**
 * Registry class of a household (户类型), as the policy tables name it.
 */
public enum HouseholdClass {
    /** 一般农户: never registered as poor. */
    GENERAL("一般农户"),
    /** 脱贫户: registered poor household (建档立卡) that has exited. */
    EXITED("脱贫户"),
    /** 未脱贫户: registered poor household not yet exited. */
    NOT_EXITED("未脱贫户");

    private final String label;

    HouseholdClass(String label) {
        this.label = label;
    }

    /** The Chinese label used in decision tables and on pages. */
    public String label() {
        return label;
    }

    /**
     * Parses a Chinese label or an enum name.
     *
     * @throws IllegalArgumentException naming the value and the accepted labels
     */
    public static HouseholdClass parse(String text) {
        String t = text == null ? "" : text.trim();
        for (HouseholdClass c : values()) {
            if (c.label.equals(t) || c.name().equalsIgnoreCase(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("未知的户类型 '" + t + "'，应为 一般农户、脱贫户 或 未脱贫户");
    }
}
