package cn.shoudi.rules.table;

import java.util.Map;

/**
 * One rule (one row) of a rule table.
 *
 * @param excelRow Excel row number, 1-based
 * @param code     rule code from the NAME column, unique within the policy
 * @param cells    non-blank cell text by zero-based column index
 */
public record RuleRow(int excelRow, String code, Map<Integer, String> cells) {

    public String cell(int column) {
        return cells.get(column);
    }
}
