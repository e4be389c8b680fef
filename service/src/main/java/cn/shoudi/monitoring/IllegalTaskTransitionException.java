package cn.shoudi.monitoring;

/** Thrown when a task is asked to move to a state its current state does not allow. */
public class IllegalTaskTransitionException extends RuntimeException {

    private final TaskStatus from;
    private final TaskStatus to;

    IllegalTaskTransitionException(TaskStatus from, TaskStatus to) {
        super("任务当前状态为「" + from.label() + "」，不能变更为「" + to.label() + "」 / a task in state " + from
                + " cannot move to " + to);
        this.from = from;
        this.to = to;
    }

    public TaskStatus from() {
        return from;
    }

    public TaskStatus to() {
        return to;
    }
}
