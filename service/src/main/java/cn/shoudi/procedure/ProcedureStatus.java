package cn.shoudi.procedure;

/** Where a procedure stands. */
public enum ProcedureStatus {
    IN_PROGRESS("办理中"), COMPLETED("已完成"), REJECTED("未通过"), WITHDRAWN("已撤销");

    private final String label;

    ProcedureStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
