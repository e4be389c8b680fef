package cn.shoudi.rules.table;

import java.util.List;
import java.util.Map;

/**
 * What a compiled rule row tests, precomputed for explanations.
 *
 * @param table          the decision the rule belongs to
 * @param row            the rule row
 * @param testedFacts    fact properties tested by the row's non-blank condition cells
 * @param parameterCodes parameter codes used by the row's non-blank condition cells
 * @param actions        the values the row's ACTION cells set (key → value), read when the table was compiled; null
 *                       when the rule's consequence runs as written instead ({@link CompiledForm})
 */
public record RuleInfo(DecisionTable table, RuleRow row, List<String> testedFacts, List<String> parameterCodes,
                       Map<String, String> actions) {
}
