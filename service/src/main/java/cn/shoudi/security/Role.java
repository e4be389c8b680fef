package cn.shoudi.security;

/** The role of an account (角色); an account has exactly one. */
public enum Role {
    /** 政策业务人员: decision tables, simulation, approval, publication. */
    POLICY("政策业务人员"),
    /** 乡镇领导: reads every village, reports; tables read-only. */
    LEADER("乡镇领导"),
    /** 帮扶干部: own tasks, the households assigned to them or to their villager group. */
    CADRE("帮扶干部"),
    /** 扶贫信息员: edits the households of their village (all villages when township-wide), imports. */
    INFO_OFFICER("扶贫信息员"),
    /** 部门接口: posts department signals of its own source only. */
    DEPARTMENT("部门接口"),
    /**
     * 监控采集: a monitoring system's machine account (Prometheus): scrapes {@code /actuator/prometheus} and reads the
     * health details, nothing else; it signs in with an API key.
     */
    METRICS("监控采集"),
    /** 系统管理员: accounts, roles and the audit trail. */
    ADMIN("系统管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
