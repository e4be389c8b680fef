package cn.shoudi.reporting;

import java.math.BigDecimal;

/**
 * A township fact (乡镇基本情况) that no household record holds, such as the area or the grain output, entered by
 * township staff for a year.
 *
 * @param section report section: basic, medical, industry, employment, agriculture, roads or rectification
 * @param code    stable code, unique per township and year
 * @param label   Chinese label
 * @param amount  the value
 * @param unit    unit, e.g. 亩, 吨, 元
 * @param source  where the value comes from
 */
public record TownshipFact(String section, String code, String label, BigDecimal amount, String unit, String source) {
}
