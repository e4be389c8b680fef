package cn.shoudi.rules.table;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads cell text the way policy staff see it in Excel, WPS or LibreOffice.
 */
public final class Cells {

    private final DataFormatter formatter = new DataFormatter();
    private final FormulaEvaluator evaluator;

    public Cells(FormulaEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** Trimmed text of a cell, "" when blank or absent. */
    public String text(Sheet sheet, int row, int col) {
        Row r = sheet.getRow(row);
        if (r == null) {
            return "";
        }
        Cell c = r.getCell(col);
        if (c == null) {
            return "";
        }
        if (c.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(c)) {
            return new BigDecimal(Double.toString(c.getNumericCellValue())).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(c, evaluator).replace('\u00a0', ' ').trim();
    }

    /** A date cell (a real date or text like 2021-01-01), or null when blank. */
    public LocalDate date(Sheet sheet, int row, int col) {
        Row r = sheet.getRow(row);
        Cell c = r == null ? null : r.getCell(col);
        if (c == null || text(sheet, row, col).isEmpty()) {
            return null;
        }
        if (c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
            return c.getLocalDateTimeCellValue().toLocalDate();
        }
        String t = text(sheet, row, col).replace('/', '-').replace('.', '-');
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(t);
        }
    }

    /** Whether every cell of a row from column 0 to {@code lastCol} is blank. */
    public boolean blankRow(Sheet sheet, int row, int lastCol) {
        for (int c = 0; c <= lastCol; c++) {
            if (!text(sheet, row, c).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
