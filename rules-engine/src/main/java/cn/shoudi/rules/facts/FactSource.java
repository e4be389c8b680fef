package cn.shoudi.rules.facts;

/**
 * Where a fact's value comes from in the product. A decision-table row may test only facts that have a source; a fact
 * without one is a publication error at the row's cell.
 */
public enum FactSource {
    /** Recorded in the registry (户籍台账) by township staff: the household form, the 入户调查 survey, imports. */
    REGISTRY("户籍台账录入"),
    /** Sent by a department (部门筛查预警) through {@code /api/signals}. */
    SIGNAL("部门信号"),
    /** Set by the monitoring lifecycle (纳入监测, 帮扶措施, 风险消除). */
    MONITORING("监测帮扶流程"),
    /** Set by a completed procedure (申请, 评议, 公示, 公告). */
    PROCEDURE("识别退出程序"),
    /** Computed from other facts; it has a source when every fact it is computed from has one. */
    DERIVED("由其他数据计算"),
    /** Nothing in the product supplies it yet. */
    NONE("无来源");

    private final String label;

    FactSource(String label) {
        this.label = label;
    }

    /** Chinese name of the source. */
    public String label() {
        return label;
    }
}
