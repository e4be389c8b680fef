package cn.shoudi.procedure;

import java.util.Arrays;
import java.util.Optional;

/**
 * A step of a procedure (程序步骤), with who takes it and the parameter of its time limit in {@code parameters.xlsx}.
 * A notice (公示) is posted first and then closed, with or without an objection; the other steps are recorded once.
 */
public enum Step {
    APPLICATION("农户申请", Level.VILLAGE, "step_days_verify"),
    VERIFICATION("入户核实", Level.VILLAGE, "step_days_verify"),
    GROUP_REVIEW("村民小组评议", Level.VILLAGE, "step_days_review"),
    CROSS_CHECK("县级信息比对", Level.TOWNSHIP, "step_days_cross_check"),
    VILLAGE_REVIEW("村级民主评议", Level.VILLAGE, "step_days_review"),
    VILLAGE_NOTICE("村级公示", Level.VILLAGE, "step_days_review"),
    TOWNSHIP_REVIEW("乡镇审核", Level.TOWNSHIP, "step_days_township"),
    TOWNSHIP_NOTICE("乡镇审核公示", Level.TOWNSHIP, "step_days_township"),
    COUNTY_APPROVAL("县级审定", Level.TOWNSHIP, "step_days_county"),
    ANNOUNCEMENT("县级审定并公告", Level.TOWNSHIP, "step_days_county");

    /** Who records a step: the village (帮扶干部, 扶贫信息员) or the township (乡镇领导, who also records the county's acts). */
    public enum Level {
        VILLAGE("村级"), TOWNSHIP("乡镇");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String label;
    private final Level level;
    private final String daysParameter;

    Step(String label, Level level, String daysParameter) {
        this.label = label;
        this.level = level;
        this.daysParameter = daysParameter;
    }

    public String label() {
        return label;
    }

    public Level level() {
        return level;
    }

    /** The parameter code of the days the step may take once it is due. */
    public String daysParameter() {
        return daysParameter;
    }

    /** Whether the step is a public notice (公示): posted, then closed after its days with or without objection. */
    public boolean notice() {
        return this == VILLAGE_NOTICE || this == TOWNSHIP_NOTICE;
    }

    /** By constant or Chinese label. */
    public static Optional<Step> parse(String text) {
        String t = text == null ? "" : text.trim();
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(t) || s.label.equals(t))
                .findFirst();
    }
}
