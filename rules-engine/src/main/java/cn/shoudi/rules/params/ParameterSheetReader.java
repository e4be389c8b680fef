package cn.shoudi.rules.params;

import cn.shoudi.rules.table.Cells;
import cn.shoudi.rules.table.TableError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.shoudi.rules.table.WorkbookReader.error;

/**
 * Reads the parameters sheet (参数) of a workbook: one effective-dated value per row.
 */
public final class ParameterSheetReader {

    /** Name of the parameters sheet. */
    public static final String SHEET = "参数";
    /** The exact header row, left to right. */
    public static final List<String> HEADERS = List.of("参数代码", "参数名称", "生效日期", "失效日期", "数值", "单位", "来源", "状态");
    static final String CONFIRMED = "已核实";
    static final String UNCONFIRMED = "待核实";

    /** Reads the sheet; a workbook without one has no parameters. Problems are added to {@code errors}. */
    public List<Parameter> read(Workbook wb, Cells cells, String file, List<TableError> errors) {
        Sheet sheet = wb.getSheet(SHEET);
        if (sheet == null) {
            return List.of();
        }
        for (int c = 0; c < HEADERS.size(); c++) {
            String h = cells.text(sheet, 0, c);
            if (!h.equals(HEADERS.get(c))) {
                errors.add(error(file, sheet, 0, c, "UNKNOWN_HEADER",
                        "参数表第 " + (c + 1) + " 列表头应为「" + HEADERS.get(c) + "」，现为「" + h + "」",
                        "parameter sheet column " + (c + 1) + " must be headed '" + HEADERS.get(c) + "'"));
                return List.of();
            }
        }
        List<Parameter> out = new ArrayList<>();
        Map<String, List<Parameter>> byCode = new LinkedHashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum() && !cells.blankRow(sheet, r, HEADERS.size() - 1); r++) {
            Parameter p = readRow(sheet, cells, file, r, errors);
            if (p == null) {
                continue;
            }
            for (Parameter other : byCode.getOrDefault(p.code(), List.of())) {
                if (other.overlaps(p)) {
                    errors.add(error(file, sheet, r, 2, "OVERLAPPING_PARAMETER",
                            "参数「" + p.code() + "」的有效期与 " + other.origin() + " 重叠",
                            "validity of parameter '" + p.code() + "' overlaps " + other.origin()));
                }
            }
            byCode.computeIfAbsent(p.code(), k -> new ArrayList<>()).add(p);
            out.add(p);
        }
        return out;
    }

    private Parameter readRow(Sheet sheet, Cells cells, String file, int r, List<TableError> errors) {
        int before = errors.size();
        String code = cells.text(sheet, r, 0);
        if (!code.matches("[a-z][a-z0-9_]*")) {
            errors.add(error(file, sheet, r, 0, "BAD_PARAMETER_CODE",
                    "参数代码「" + code + "」无效，应为小写英文和下划线，如 monitoring_line",
                    "parameter code '" + code + "' must be lower-case letters, digits and underscores"));
        }
        LocalDate from = date(sheet, cells, file, r, 2, errors);
        LocalDate to = date(sheet, cells, file, r, 3, errors);
        if (from == null && errors.size() == before) {
            errors.add(error(file, sheet, r, 2, "MISSING_VALUE", "生效日期不能为空", "valid-from is required"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(error(file, sheet, r, 3, "BAD_DATE_RANGE",
                    "失效日期 " + to + " 早于生效日期 " + from, "valid-to " + to + " is before valid-from " + from));
        }
        BigDecimal value = null;
        String v = cells.text(sheet, r, 4);
        try {
            value = new BigDecimal(v);
        } catch (NumberFormatException e) {
            errors.add(error(file, sheet, r, 4, "NOT_A_NUMBER",
                    "参数「" + code + "」的数值应为数字，现为「" + v + "」", "value '" + v + "' is not a number"));
        }
        String status = cells.text(sheet, r, 7);
        if (!status.equals(CONFIRMED) && !status.equals(UNCONFIRMED)) {
            errors.add(error(file, sheet, r, 7, "BAD_STATUS",
                    "状态应为「已核实」或「待核实」，现为「" + status + "」", "status must be 已核实 or 待核实"));
        }
        String source = cells.text(sheet, r, 6);
        if (errors.size() > before) {
            return null;
        }
        return new Parameter(code, cells.text(sheet, r, 1), from, to, value, cells.text(sheet, r, 5),
                source.isEmpty() ? UNCONFIRMED : source, status.equals(CONFIRMED), file, r + 1);
    }

    private static LocalDate date(Sheet sheet, Cells cells, String file, int r, int c, List<TableError> errors) {
        try {
            return cells.date(sheet, r, c);
        } catch (IllegalArgumentException e) {
            errors.add(error(file, sheet, r, c, "BAD_DATE",
                    "日期「" + e.getMessage() + "」无效，应写成 2021-01-01", "'" + e.getMessage() + "' is not a date"));
            return null;
        }
    }
}
