package cn.shoudi.rules.params;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One effective-dated policy parameter row (参数), such as the monitoring line (监测线) of a year.
 *
 * @param code      parameter code used by the tables, e.g. {@code monitoring_line}
 * @param name      Chinese name, e.g. 监测线
 * @param validFrom first day the value applies (inclusive)
 * @param validTo   last day the value applies (inclusive), or null when open-ended
 * @param value     the value
 * @param unit      unit of the value, e.g. 元/人·年
 * @param source    where the value comes from; 待核实 when unconfirmed
 * @param confirmed false when the source marks the value as to be confirmed (待核实)
 * @param file      workbook the row was read from
 * @param row       Excel row number in that workbook's 参数 sheet
 */
public record Parameter(String code, String name, LocalDate validFrom, LocalDate validTo, BigDecimal value,
                        String unit, String source, boolean confirmed, String file, int row) {

    /** Where the row is, for messages: "parameters.xlsx 「参数」第 3 行". */
    public String origin() {
        return file + " 「参数」第 " + row + " 行";
    }

    /** Whether this row applies on the given date. */
    public boolean appliesOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    /** Whether the validity of this row overlaps that of another row. */
    public boolean overlaps(Parameter other) {
        boolean thisEndsBefore = validTo != null && validTo.isBefore(other.validFrom);
        boolean otherEndsBefore = other.validTo != null && other.validTo.isBefore(validFrom);
        return !thisEndsBefore && !otherEndsBefore;
    }
}
