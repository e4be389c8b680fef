package cn.shoudi.rules.table;

import java.util.List;

/**
 * What a compiled rule row tests, precomputed for explanations.
 *
 * @param table          the decision the rule belongs to
 * @param row            the rule row
 * @param testedFacts    fact properties tested by the row's non-blank condition cells
 * @param parameterCodes parameter codes used by the row's non-blank condition cells
 */
public record RuleInfo(DecisionTable table, RuleRow row, List<String> testedFacts, List<String> parameterCodes) {
}
