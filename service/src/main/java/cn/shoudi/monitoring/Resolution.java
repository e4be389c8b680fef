package cn.shoudi.monitoring;

import java.util.Arrays;
import java.util.Optional;

/** How a task was resolved (办结结果). */
public enum Resolution {
    ENTERED_MONITORING("纳入监测"), NOT_ENTERED("不纳入"), RISK_CLEARED("风险消除"), DATA_CORRECTED("数据更正"),
    ASSISTANCE_GIVEN("已落实帮扶"), OTHER("其他");

    private final String label;

    Resolution(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By enum name or Chinese label. */
    public static Optional<Resolution> parse(String text) {
        String t = text == null ? "" : text.trim();
        return Arrays.stream(values()).filter(m -> m.name().equalsIgnoreCase(t) || m.label.equals(t)).findFirst();
    }
}
