package cn.shoudi.reporting;

import cn.shoudi.reporting.TownshipReport.Figure;
import cn.shoudi.reporting.TownshipReport.Section;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Writes the report and ledgers as XLSX workbooks (streaming, so large ledgers stay within memory). */
final class ReportXlsx {

    private ReportXlsx() {
    }

    /** The report: one sheet per section, with the figures, their units and the ledger that backs each. */
    static byte[] report(TownshipReport r) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            CellStyle bold = bold(wb);
            for (Section s : r.sections()) {
                Sheet sheet = wb.createSheet(s.title());
                Row title = sheet.createRow(0);
                cell(title, 0, r.township() + (r.village() == null ? "" : r.village()) + " " + s.title() + "（截至 "
                        + r.asOf() + "）", bold);
                header(sheet.createRow(1), List.of("项目", "户数", "人数", "数值", "单位", "台账", "来源"), bold);
                int i = 2;
                for (Figure f : s.figures()) {
                    Row row = sheet.createRow(i++);
                    cell(row, 0, f.label(), null);
                    cell(row, 1, f.households(), null);
                    cell(row, 2, f.people(), null);
                    cell(row, 3, f.amount(), null);
                    cell(row, 4, f.unit(), null);
                    cell(row, 5, f.ledger(), null);
                    cell(row, 6, f.source(), null);
                }
                sheet.setColumnWidth(0, 40 * 256);
                sheet.setColumnWidth(6, 40 * 256);
            }
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ledger: its title, the column names, then one row per entry. */
    static byte[] ledger(LedgerView l) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            CellStyle bold = bold(wb);
            Sheet sheet = wb.createSheet(l.title().length() > 31 ? l.title().substring(0, 31) : l.title());
            cell(sheet.createRow(0), 0, l.title() + "（截至 " + l.asOf() + "，共 " + l.rows().size() + " 条）", bold);
            header(sheet.createRow(1), l.columns(), bold);
            int i = 2;
            for (List<Object> values : l.rows()) {
                Row row = sheet.createRow(i++);
                for (int c = 0; c < values.size(); c++) {
                    cell(row, c, values.get(c), null);
                }
            }
            for (int c = 0; c < l.columns().size(); c++) {
                sheet.setColumnWidth(c, 16 * 256);
            }
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle bold(Workbook wb) {
        Font font = wb.createFont();
        font.setBold(true);
        CellStyle style = wb.createCellStyle();
        style.setFont(font);
        return style;
    }

    private static void header(Row row, List<String> names, CellStyle style) {
        for (int c = 0; c < names.size(); c++) {
            cell(row, c, names.get(c), style);
        }
    }

    private static void cell(Row row, int column, Object value, CellStyle style) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        if (value instanceof Number n) {
            cell.setCellValue(n instanceof BigDecimal b ? b.doubleValue() : n.doubleValue());
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d.toString());
        } else {
            cell.setCellValue(value.toString());
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static byte[] bytes(SXSSFWorkbook wb) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
