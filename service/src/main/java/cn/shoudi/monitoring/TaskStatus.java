package cn.shoudi.monitoring;

/** States of a monitoring task (监测任务). */
public enum TaskStatus {
    OPEN("待处理"), ACKNOWLEDGED("已接收"), VISITED("已走访"), ESCALATED("已升级"), RESOLVED("已办结"), CLOSED("已关闭");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the guarded lifecycle allows moving from this state to {@code next}. */
    public boolean canMoveTo(TaskStatus next) {
        return switch (this) {
            case OPEN -> next == ACKNOWLEDGED || next == VISITED || next == ESCALATED || next == CLOSED;
            case ACKNOWLEDGED -> next == VISITED || next == ESCALATED || next == CLOSED;
            case VISITED -> next == VISITED || next == RESOLVED || next == ESCALATED || next == CLOSED;
            case ESCALATED -> next == ACKNOWLEDGED || next == VISITED || next == ESCALATED || next == CLOSED;
            case RESOLVED, CLOSED -> false;
        };
    }

    /** Whether the task still needs work (counts towards the one-open-task rule). */
    public boolean open() {
        return this != RESOLVED && this != CLOSED;
    }
}
