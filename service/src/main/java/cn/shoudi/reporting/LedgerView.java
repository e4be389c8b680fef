package cn.shoudi.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * A ledger (台账): the rows behind one figure of the report, with Chinese column names; ID numbers are masked.
 *
 * @param code    ledger code
 * @param title   Chinese title
 * @param asOf    the date the ledger is as of
 * @param columns column names
 * @param rows    rows, each with one value per column
 */
public record LedgerView(String code, String title, LocalDate asOf, List<String> columns, List<List<Object>> rows) {
}
