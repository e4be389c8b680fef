package cn.shoudi.procedure;

import java.util.Arrays;
import java.util.Optional;

/** How a procedure started (线索来源). */
public enum Origin {
    /** 规则研判: a finding of the published tables, followed up by a task. */
    FINDING("规则研判"),
    /** 部门预警: a department's early-warning signal. */
    ALERT("部门筛查预警"),
    /** 农户申请: the household's own application (农户自主申报). */
    APPLICATION("农户自主申报"),
    /** 干部走访: found by a cadre on a visit (基层干部排查). */
    VISIT("干部走访排查");

    private final String label;

    Origin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By constant or Chinese label. */
    public static Optional<Origin> parse(String text) {
        String t = text == null ? "" : text.trim();
        return Arrays.stream(values()).filter(o -> o.name().equalsIgnoreCase(t) || o.label.equals(t))
                .findFirst();
    }
}
