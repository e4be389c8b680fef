package cn.shoudi.registry;

import java.util.Arrays;
import java.util.Optional;

/** Assistance measures (帮扶措施) a household receives, chosen by a cadre when recording a visit. */
public enum Measure {
    INDUSTRY("产业"), EMPLOYMENT("就业"), PUBLIC_WELFARE_JOB("公益性岗位"), MINIMUM_LIVING_ALLOWANCE("低保"),
    TEMPORARY_ASSISTANCE("临时救助"), MEDICAL_ASSISTANCE("医疗救助"), EDUCATION_AID("教育资助"),
    HOUSING_RENOVATION("危房改造"), RELOCATION("易地搬迁"), DRINKING_WATER("饮水"), OTHER("其他");

    private final String label;

    Measure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By enum name or Chinese label. */
    public static Optional<Measure> parse(String text) {
        String t = text == null ? "" : text.trim();
        return Arrays.stream(values()).filter(m -> m.name().equalsIgnoreCase(t) || m.label.equals(t)).findFirst();
    }
}
