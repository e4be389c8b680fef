package cn.shoudi.rules.table;

/**
 * One problem found in a decision-table workbook, located to its cell, described in Chinese and English.
 *
 * @param at        where the problem is, never null
 * @param code      stable error code, e.g. UNKNOWN_HEADER
 * @param messageZh description for policy staff
 * @param messageEn description for developers and logs
 */
public record TableError(CellRef at, String code, String messageZh, String messageEn) {

    @Override
    public String toString() {
        return at.describeZh() + "：" + messageZh + " / " + at.describeEn() + ": " + messageEn;
    }
}
