package cn.shoudi.rules.eval;

import java.util.List;
import java.util.Map;

/**
 * One rule row that fired for a household, with everything needed to explain it.
 *
 * @param tableId    decision id, e.g. monitoring
 * @param tableTitle decision's Chinese name, e.g. 监测对象纳入
 * @param file       workbook file
 * @param sheet      rule sheet
 * @param row        Excel row of the rule
 * @param code       rule code, e.g. M-1
 * @param outcome    the outcome the row sets, or null
 * @param reason     the row's Chinese reason text, or null
 * @param outputs    every action value the row set, by action key (outcome, reason, task_code, due_days …)
 * @param tested     the input values the row tested
 * @param parameters the parameter values the row used
 */
public record Finding(String tableId, String tableTitle, String file, String sheet, int row, String code,
                      String outcome, String reason, Map<String, String> outputs, List<TestedInput> tested,
                      List<ParameterUse> parameters) {

    /** An action value the row set, or null. */
    public String output(String key) {
        return outputs.get(key);
    }
}
