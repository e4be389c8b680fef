package cn.shoudi.policy;

import java.util.List;

/**
 * What validating a version found, all in Chinese with the workbook, sheet, row and cell.
 *
 * @param valid    no error and every example passed; only then can the version be approved
 * @param errors   header, compile and parameter errors, each located
 * @param tables   per table: rules, examples, examples passed
 * @param failures failed example cases, each with expected and actual
 * @param warnings cross-table contradictions on the example households; they do not block
 */
record ValidationReport(boolean valid, List<Issue> errors, List<TableSummary> tables, List<String> failures,
                        List<String> warnings) {

    /** One located problem. */
    record Issue(String file, String sheet, int row, String column, String cell, String code, String message,
                 String messageEn) {
    }

    /** One table's counts. */
    record TableSummary(String file, String title, int rules, int examples, int passed) {
    }
}
