package cn.shoudi.registry;

/** What changed a household's status (户状态变更的依据). */
public enum DecisionKind {
    /** 初始登记: the status a household was registered or imported with. */
    REGISTERED("初始登记"),
    /** 识别纳入: a completed identification procedure (识别程序) made a 一般农户 a 未脱贫户 (建档立卡). */
    IDENTIFIED("识别纳入（建档立卡）"),
    /** 脱贫退出: a completed exit procedure made a 未脱贫户 a 脱贫户. */
    EXITED("脱贫退出"),
    /** 纳入监测: a completed monitoring-entry procedure made the household a 监测对象 of a category. */
    ENTERED_MONITORING("纳入监测"),
    /** 风险消除: a completed risk-clearance procedure ended its monitoring. */
    RISK_CLEARED("风险消除"),
    /** 管理员更正: an administrator corrected the status, with a reason. */
    CORRECTED("管理员更正");

    private final String label;

    DecisionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
