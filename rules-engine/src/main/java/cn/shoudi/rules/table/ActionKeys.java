package cn.shoudi.rules.table;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The finding fields an ACTION column may set, each with its Chinese name. An action snippet must read exactly
 * {@code findings.put(kcontext, "<key>", "$param");}.
 */
public final class ActionKeys {

    /** Outcome of the decision this row stands for, e.g. 脱贫不稳定户. */
    public static final String OUTCOME = "outcome";
    /** The row's reason text in Chinese. */
    public static final String REASON = "reason";
    /** Code of the follow-up task the finding calls for; one open task per household and task code. */
    public static final String TASK_CODE = "task_code";
    /** Kind of the follow-up task, e.g. 入户核实. */
    public static final String TASK_TYPE = "task_type";
    /** Days until the task is due. */
    public static final String DUE_DAYS = "due_days";

    public static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry(OUTCOME, "结论"),
            Map.entry(REASON, "原因说明"),
            Map.entry(TASK_CODE, "任务代码"),
            Map.entry(TASK_TYPE, "任务类型"),
            Map.entry(DUE_DAYS, "办理时限(天)"),
            Map.entry("priority", "优先级"),
            Map.entry("assignee_role", "责任人角色"),
            Map.entry("fast_track", "绿色通道"),
            Map.entry("cause", "致贫原因"),
            Map.entry("severity", "严重程度"),
            Map.entry("auto_close", "条件消除后自动关闭任务"));

    private static final Pattern SNIPPET =
            Pattern.compile("^findings\\.put\\(\\s*kcontext\\s*,\\s*\"([a-z_]+)\"\\s*,\\s*\"\\$param\"\\s*\\)\\s*;?$");

    private ActionKeys() {
    }

    /** The key an action snippet sets, or empty when the snippet is not of the accepted form. */
    public static Optional<String> keyOf(String snippet) {
        Matcher m = SNIPPET.matcher(snippet.trim());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
