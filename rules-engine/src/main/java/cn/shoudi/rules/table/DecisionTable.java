package cn.shoudi.rules.table;

import cn.shoudi.rules.cases.ExampleCase;
import cn.shoudi.rules.params.Parameter;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One decision (one workbook) as read from its XLSX: the rule table, its parameters and its example cases.
 *
 * @param id             decision id, the file name without extension (e.g. monitoring)
 * @param fileName       workbook file name
 * @param title          the decision's Chinese name, from the RuleTable header (e.g. 监测对象纳入)
 * @param sheet          name of the rule sheet
 * @param packageName    the RuleSet (DRL package) of the table
 * @param defaultOutcome outcome when no rule fires (from the 说明 sheet)
 * @param validFrom      first day the decision applies (说明: 生效日期)
 * @param validTo        last day it applies (说明: 失效日期), or null when open-ended
 * @param columns        the rule table's columns, left to right
 * @param rules          the rule rows, top to bottom
 * @param parameters     the rows of the parameters sheet (参数), may be empty
 * @param examples       the example cases (示例)
 * @param drl            the DRL that Drools generated from the rule sheet
 */
public record DecisionTable(String id, String fileName, String title, String sheet, String packageName,
                            String defaultOutcome, LocalDate validFrom, LocalDate validTo, List<Column> columns, List<RuleRow> rules,
                            List<Parameter> parameters, List<ExampleCase> examples, String drl) {

    /** Whether the decision applies on a date. */
    public boolean appliesOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    public Optional<RuleRow> rule(String code) {
        return rules.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public Optional<Column> column(int index) {
        return columns.stream().filter(c -> c.index() == index).findFirst();
    }

    public Column nameColumn() {
        return columns.stream().filter(c -> c.kind() == ColumnKind.NAME).findFirst().orElseThrow();
    }

    DecisionTable withDrl(String generated) {
        return new DecisionTable(id, fileName, title, sheet, packageName, defaultOutcome, validFrom, validTo, columns, rules,
                parameters, examples, generated);
    }
}
