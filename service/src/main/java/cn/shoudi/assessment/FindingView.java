package cn.shoudi.assessment;

import java.util.List;
import java.util.Map;

/**
 * A stored finding, explained: which table and row fired, why, on which input values and parameters.
 *
 * @param tableId    decision id, e.g. monitoring
 * @param tableTitle decision's Chinese name
 * @param file       workbook
 * @param sheet      rule sheet
 * @param row        Excel row
 * @param code       rule code
 * @param outcome    outcome set by the row
 * @param reason     the row's Chinese reason text
 * @param outputs    every action value set by the row (task_code, task_type, due_days …)
 * @param tested     input values the row tested: label, fact, value
 * @param parameters parameter values used, with validity, source and whether confirmed
 */
public record FindingView(String tableId, String tableTitle, String file, String sheet, int row, String code,
                          String outcome, String reason, Map<String, String> outputs,
                          List<Map<String, Object>> tested, List<Map<String, Object>> parameters) {

    /** A short reference such as 监测对象纳入 第10行 M-1. */
    public String reference() {
        return tableTitle + " 第" + row + "行 " + code;
    }
}
