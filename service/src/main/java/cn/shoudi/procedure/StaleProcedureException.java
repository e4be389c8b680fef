package cn.shoudi.procedure;

/**
 * Someone else changed the procedure between reading and saving it (two people taking the same step at once): 409,
 * the person refreshes and sees where it stands now.
 */
public class StaleProcedureException extends RuntimeException {

    public StaleProcedureException(long procedureId) {
        super("该程序（#" + procedureId + "）刚被他人办理或已升级，请刷新后查看当前步骤再办理");
    }
}
