package cn.shoudi.procedure;

import java.util.Arrays;
import java.util.Optional;

/** What happened at a step. */
public enum StepOutcome {
    /** 公示张贴: a notice was posted (notices only); it can be closed once its days have passed. */
    POSTED("公示开始"),
    /** 通过: the step is done; the procedure moves on, or completes after its last step. */
    PASSED("通过"),
    /** 有异议: a notice drew an objection (notices only); the procedure goes back to 入户核实. */
    OBJECTION("公示有异议"),
    /** 不通过: the review or approval said no; the procedure ends without a decision. */
    REJECTED("不通过");

    private final String label;

    StepOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By constant or Chinese label. */
    public static Optional<StepOutcome> parse(String text) {
        String t = text == null ? "" : text.trim();
        return Arrays.stream(values()).filter(o -> o.name().equalsIgnoreCase(t) || o.label.equals(t))
                .findFirst();
    }
}
