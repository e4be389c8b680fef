package cn.shoudi.rules.eval;

/**
 * One input value that a rule row tested.
 *
 * @param fact  fact property name, e.g. perCapitaNetIncome
 * @param label Chinese name, e.g. 人均纯收入
 * @param value    the household's value at evaluation
 * @param evidence the department signals (source and event id) the value comes from; empty for registry data
 */
public record TestedInput(String fact, String label, Object value, java.util.List<String> evidence) {
}
