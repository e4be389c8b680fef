package cn.shoudi.rules.table;

import org.apache.poi.ss.util.CellReference;

/**
 * A place in a workbook that an error or a finding refers to.
 *
 * @param file   workbook file name, e.g. monitoring.xlsx
 * @param sheet  sheet name
 * @param row    Excel row number (1-based), 0 when the whole sheet is meant
 * @param column zero-based column index, -1 when the whole row is meant
 */
public record CellRef(String file, String sheet, int row, int column) {

    public static CellRef of(String file, String sheet, int row, int column) {
        return new CellRef(file, sheet, row, column);
    }

    /** Column letters, e.g. "C", or "" when the whole row is meant. */
    public String columnLetter() {
        return column < 0 ? "" : CellReference.convertNumToColString(column);
    }

    /** Excel-style reference such as C11, or "11" for a whole row. */
    public String a1() {
        if (row <= 0) {
            return "";
        }
        return columnLetter() + row;
    }

    /** Chinese description: 工作簿 x.xlsx，工作表「s」，第 11 行 C 列. */
    public String describeZh() {
        StringBuilder sb = new StringBuilder("工作簿 ").append(file).append("，工作表「").append(sheet).append("」");
        if (row > 0) {
            sb.append("，第 ").append(row).append(" 行");
        }
        if (column >= 0) {
            sb.append(" ").append(columnLetter()).append(" 列");
        }
        return sb.toString();
    }

    /** English description: x.xlsx, sheet 's', cell C11. */
    public String describeEn() {
        StringBuilder sb = new StringBuilder(file).append(", sheet '").append(sheet).append("'");
        if (row > 0) {
            sb.append(column >= 0 ? ", cell " + a1() : ", row " + row);
        }
        return sb.toString();
    }
}
