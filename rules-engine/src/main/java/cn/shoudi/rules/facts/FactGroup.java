package cn.shoudi.rules.facts;
import java.util.Optional;

/** The group a fact is recorded in: one section of the survey form (入户调查), one partial update. */
public enum FactGroup {
    BASIC("基本信息"),
    MEMBERS("家庭成员"),
    INCOME("收入"),
    LIVING("两不愁及用电"),
    HOUSING("住房"),
    WATER("饮水"),
    MEDICAL("医疗"),
    EDUCATION("教育"),
    EXCLUSION("七不进情形"),
    REGISTRATION("建档立卡"),
    ASSISTANCE("帮扶与救助"),
    MONITORING("监测"),
    PROCEDURE_DATES("程序日期"),
    SIGNALS("部门信号"),
    DATA_QUALITY("数据质量");

    private final String label;

    FactGroup(String label) {
        this.label = label;
    }

    /** Chinese name of the group. */
    public String label() {
        return label;
    }

    /** The group with this Chinese name or constant name. */
    public static Optional<FactGroup> parse(String text) {
        for (FactGroup g : values()) {
            if (g.label.equals(text) || g.name().equalsIgnoreCase(text)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
