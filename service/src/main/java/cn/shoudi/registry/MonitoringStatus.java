package cn.shoudi.registry;

/** Where a household stands in 防止返贫动态监测, as decided by procedures; null when it was never monitored. */
public enum MonitoringStatus {
    /** 监测对象: entered monitoring by a completed 纳入监测 procedure. */
    MONITORED("监测对象"),
    /** 风险已消除: left monitoring by a completed 风险消除 procedure; stays in the registry and may re-enter. */
    CLEARED("风险已消除");

    private final String label;

    MonitoringStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
