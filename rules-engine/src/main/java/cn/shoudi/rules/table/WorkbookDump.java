package cn.shoudi.rules.table;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A readable text form of a workbook, one line per non-blank row, every non-blank cell as {@code C10=value}, so that
 * a change to a table can be reviewed in a diff.
 */
public final class WorkbookDump {

    private WorkbookDump() {
    }

    /** Every non-blank cell's text, by sheet (in workbook order) and Excel reference (e.g. C10). */
    public static java.util.Map<String, java.util.Map<String, String>> cells(byte[] xlsx) {
        java.util.Map<String, java.util.Map<String, String>> out = new java.util.LinkedHashMap<>();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Cells cells = new Cells(wb.getCreationHelper().createFormulaEvaluator());
            for (Sheet sheet : wb) {
                java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
                for (Row row : sheet) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        String t = cells.text(sheet, row.getRowNum(), c);
                        if (!t.isEmpty()) {
                            map.put(CellReference.convertNumToColString(c) + (row.getRowNum() + 1), t);
                        }
                    }
                }
                out.put(sheet.getSheetName(), map);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toText(String fileName, byte[] xlsx) {
        StringBuilder sb = new StringBuilder("# ").append(fileName).append('\n');
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Cells cells = new Cells(wb.getCreationHelper().createFormulaEvaluator());
            for (Sheet sheet : wb) {
                sb.append("\n## ").append(sheet.getSheetName()).append('\n');
                for (Row row : sheet) {
                    StringBuilder line = new StringBuilder();
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        String t = cells.text(sheet, row.getRowNum(), c);
                        if (!t.isEmpty()) {
                            line.append(line.isEmpty() ? "" : " | ").append(CellReference.convertNumToColString(c))
                                    .append(row.getRowNum() + 1).append('=').append(t.replace("\n", "\\n"));
                        }
                    }
                    if (!line.isEmpty()) {
                        sb.append(line).append('\n');
                    }
                }
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
