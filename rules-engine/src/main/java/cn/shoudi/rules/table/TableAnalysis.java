package cn.shoudi.rules.table;

import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.params.Parameter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Static analysis of a compiled policy's tables, for policy staff before they publish:
 * <ul>
 *   <li>condition cells testing a fact that has no source in the product, so the row can never fire in production
 *       (an error: the reachability gate);</li>
 *   <li>rows that can never fire: two conditions on the same fact that exclude each other (an error);</li>
 *   <li>rows testing the same facts whose conditions can hold together but that give different outcomes — the
 *       upper row decides, which may not be what was meant (a warning);</li>
 *   <li>rows that none of the table's examples fire (a warning: the row is untested);</li>
 *   <li>gaps in numeric ranges: rows with different outcomes that differ only in the range of one numeric fact but
 *       leave part of it uncovered between them, so those inputs fall to the default outcome (a warning).</li>
 * </ul>
 * Numeric conditions are compared as intervals on every date a parameter they use changes value.
 */
public final class TableAnalysis {

    private static final Pattern COMPARISON =
            Pattern.compile("^\\s*(\\w+)\\s*(<=|>=|<|>|==)\\s*(param\\(\"\\$param\"\\)|\\$param)\\s*$");
    private static final Pattern LIST_HELPER = Pattern.compile("^\\s*(householdClassIn|segmentIn)\\(\"\\$param\"\\)\\s*$");

    /** One result of the analysis, located to its row or cell. */
    public record Result(CellRef at, boolean error, String code, String messageZh, String messageEn) {
    }

    private TableAnalysis() {
    }

    /**
     * Analyses the policy against the shipped {@link FactCatalogue#STANDARD}.
     *
     * @param firedByTable rule codes fired by at least one example, per table id
     */
    public static List<Result> analyse(Policy policy, Map<String, Set<String>> firedByTable) {
        return analyse(policy, firedByTable, FactCatalogue.STANDARD);
    }

    /**
     * @param firedByTable rule codes fired by at least one example, per table id
     * @param catalogue    the facts and their sources, for the reachability gate; never null
     */
    public static List<Result> analyse(Policy policy, Map<String, Set<String>> firedByTable, FactCatalogue catalogue) {
        List<Result> out = new ArrayList<>();
        for (DecisionTable t : policy.tables()) {
            FactReachability.check(t, catalogue, out);
            List<LocalDate> dates = dates(policy, t);
            Map<RuleRow, Map<String, List<Constraint>>> parsed = new LinkedHashMap<>();
            for (RuleRow row : t.rules()) {
                parsed.put(row, constraints(t, row));
            }
            for (RuleRow row : t.rules()) {
                if (dates.stream().noneMatch(d -> satisfiable(parsed.get(row), policy, d))) {
                    out.add(new Result(CellRef.of(t.fileName(), t.sheet(), row.excelRow(), t.nameColumn().index()),
                            true, "ROW_NEVER_FIRES", "规则「" + row.code() + "」的条件互相矛盾（同一事实的取值范围没有交集），永远不会命中",
                            "rule '" + row.code() + "' has contradictory conditions and can never fire"));
                }
                if (!firedByTable.getOrDefault(t.id(), Set.of()).contains(row.code())) {
                    out.add(new Result(CellRef.of(t.fileName(), t.sheet(), row.excelRow(), t.nameColumn().index()),
                            false, "ROW_WITHOUT_EXAMPLE", "规则「" + row.code() + "」没有任何示例命中，请在「示例」表中补充示例户",
                            "no example fires rule '" + row.code() + "'"));
                }
            }
            gaps(t, parsed, policy, dates, out);
            // every pair of rows is compared: look up each row's outcome and constraints once, not per pair
            List<RuleRow> rows = t.rules();
            List<String> outcomes = rows.stream().map(r -> outcome(t, r)).toList();
            List<Map<String, List<Constraint>>> byIndex = rows.stream().map(parsed::get).toList();
            for (int i = 0; i < rows.size(); i++) {
                for (int j = i + 1; j < rows.size(); j++) {
                    RuleRow a = rows.get(i);
                    RuleRow b = rows.get(j);
                    String oa = outcomes.get(i);
                    String ob = outcomes.get(j);
                    if (oa == null || ob == null || oa.equals(ob)
                            || !byIndex.get(i).keySet().equals(byIndex.get(j).keySet())) {
                        continue;
                    }
                    Map<String, List<Constraint>> both = merge(byIndex.get(i), byIndex.get(j));
                    if (dates.stream().anyMatch(d -> satisfiable(both, policy, d))) {
                        out.add(new Result(CellRef.of(t.fileName(), t.sheet(), b.excelRow(), t.nameColumn().index()),
                                false, "ROWS_OVERLAP", "规则「" + a.code() + "」（第 " + a.excelRow() + " 行，" + oa + "）与「"
                                + b.code() + "」（第 " + b.excelRow() + " 行，" + ob + "）检查相同的事实，条件可能同时成立但结论不同；"
                                + "同时命中时以上方的行为准",
                                "rules '" + a.code() + "' and '" + b.code() + "' may both fire with different outcomes"));
                    }
                }
            }
        }
        return out;
    }

    /** Rows identical but for the range of one numeric fact, whose ranges leave a hole between them. */
    private static void gaps(DecisionTable t, Map<RuleRow, Map<String, List<Constraint>>> parsed, Policy policy,
                             List<LocalDate> dates, List<Result> out) {
        Map<String, List<RuleRow>> groups = new LinkedHashMap<>();
        for (Map.Entry<RuleRow, Map<String, List<Constraint>>> e : parsed.entrySet()) {
            for (Map.Entry<String, List<Constraint>> fact : e.getValue().entrySet()) {
                if (fact.getValue().stream().anyMatch(c -> c.op() == null || c.op().equals("=="))) {
                    continue;
                }
                Map<String, List<Constraint>> rest = new LinkedHashMap<>(e.getValue());
                rest.remove(fact.getKey());
                groups.computeIfAbsent(fact.getKey() + "|" + rest, k -> new ArrayList<>()).add(e.getKey());
            }
        }
        Set<String> reported = new LinkedHashSet<>();
        for (Map.Entry<String, List<RuleRow>> g : groups.entrySet()) {
            if (g.getValue().size() < 2
                    || g.getValue().stream().map(r -> String.valueOf(outcome(t, r))).distinct().count() < 2) {
                continue; // a two-sided check with one outcome (e.g. head count < 1 or > 1) means its middle is fine
            }
            String fact = g.getKey().substring(0, g.getKey().indexOf('|'));
            for (LocalDate date : dates) {
                List<BigDecimal[]> ranges = new ArrayList<>();
                List<boolean[]> inclusive = new ArrayList<>();
                for (RuleRow row : g.getValue()) {
                    Object[] r = range(parsed.get(row).get(fact), policy, date);
                    if (r == null) {
                        continue;
                    }
                    ranges.add(new BigDecimal[] {(BigDecimal) r[0], (BigDecimal) r[2]});
                    inclusive.add(new boolean[] {(Boolean) r[1], (Boolean) r[3]});
                }
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < ranges.size(); i++) {
                    order.add(i);
                }
                order.sort((x, y) -> ranges.get(x)[0] == null ? -1 : ranges.get(y)[0] == null ? 1
                        : ranges.get(x)[0].compareTo(ranges.get(y)[0]));
                for (int k = 0; k + 1 < order.size(); k++) {
                    BigDecimal[] a = ranges.get(order.get(k));
                    BigDecimal[] b = ranges.get(order.get(k + 1));
                    if (a[1] == null || b[0] == null) {
                        continue;
                    }
                    int cmp = a[1].compareTo(b[0]);
                    boolean touching = cmp == 0 && (inclusive.get(order.get(k))[1] || inclusive.get(order.get(k + 1))[0]);
                    if (cmp < 0 || cmp == 0 && !touching) {
                        String gap = (inclusive.get(order.get(k))[1] ? "(" : "[") + a[1].toPlainString() + ", "
                                + b[0].toPlainString() + (inclusive.get(order.get(k + 1))[0] ? ")" : "]");
                        RuleRow first = g.getValue().get(0);
                        if (reported.add(fact + gap)) {
                            out.add(new Result(CellRef.of(t.fileName(), t.sheet(), first.excelRow(),
                                    t.nameColumn().index()), false, "RANGE_GAP", "规则" + g.getValue().stream()
                                    .map(r -> "「" + r.code() + "」").reduce("", String::concat) + "只在「" + fact
                                    + "」的取值范围上不同，但区间 " + gap + "（" + date.getYear() + " 年）没有规则覆盖，"
                                    + "这些情况将得到默认结论「" + t.defaultOutcome() + "」",
                                    "rows differ only in '" + fact + "' and leave " + gap + " uncovered"));
                        }
                    }
                }
            }
        }
    }

    /** The interval a row allows for one fact on a date: {low, lowInclusive, high, highInclusive}; null if unknown. */
    private static Object[] range(List<Constraint> constraints, Policy policy, LocalDate date) {
        BigDecimal low = null;
        boolean lowIncl = true;
        BigDecimal high = null;
        boolean highIncl = true;
        for (Constraint c : constraints) {
            BigDecimal t = value(c, policy, date);
            if (t == null) {
                return null;
            }
            switch (c.op()) {
                case ">=", ">" -> {
                    low = t;
                    lowIncl = c.op().equals(">=");
                }
                default -> {
                    high = t;
                    highIncl = c.op().equals("<=");
                }
            }
        }
        return new Object[] {low, lowIncl, high, highIncl};
    }

    private static String outcome(DecisionTable t, RuleRow row) {
        return t.columns().stream().filter(c -> ActionKeysOutcome.is(c)).map(c -> row.cell(c.index()))
                .filter(v -> v != null).findFirst().orElse(null);
    }

    /** Dates on which the parameters a table uses take each of their values, within the table's validity. */
    private static List<LocalDate> dates(Policy policy, DecisionTable t) {
        Set<LocalDate> dates = new TreeSet<>();
        dates.add(t.validFrom());
        for (String code : policy.parameterCodes(t)) {
            for (Parameter p : policy.parameters().rows(code)) {
                if (t.appliesOn(p.validFrom())) {
                    dates.add(p.validFrom());
                }
            }
        }
        return new ArrayList<>(dates);
    }

    /**
     * A condition cell as a constraint on one fact: an interval, a set of labels, or an opaque predicate. A cell holding
     * a number keeps it parsed in {@code number} (null otherwise), as the analysis compares every pair of rows.
     */
    private record Constraint(String op, String value, boolean param, Set<String> labels, String opaque,
                              BigDecimal number) {
        Constraint(String op, String value, boolean param, Set<String> labels, String opaque) {
            this(op, value, param, labels, opaque, parseNumber(value));
        }
    }

    private static BigDecimal parseNumber(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, List<Constraint>> constraints(DecisionTable t, RuleRow row) {
        Map<String, List<Constraint>> out = new LinkedHashMap<>();
        for (Column c : t.columns()) {
            String v = row.cell(c.index());
            if (c.kind() != ColumnKind.CONDITION || v == null) {
                continue;
            }
            Matcher m = COMPARISON.matcher(c.snippet());
            Matcher l = LIST_HELPER.matcher(c.snippet());
            if (m.matches()) {
                out.computeIfAbsent(m.group(1), k -> new ArrayList<>())
                        .add(new Constraint(m.group(2), v, m.group(3).startsWith("param"), null, null));
            } else if (l.matches()) {
                out.computeIfAbsent(l.group(1), k -> new ArrayList<>()).add(new Constraint(null, null, false,
                        new LinkedHashSet<>(Arrays.asList(v.split("[、,，;；\\s]+"))), null));
            } else {
                String key = c.snippet().replace("$param", v);
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(new Constraint(null, null, false, null, key));
            }
        }
        return out;
    }

    private static Map<String, List<Constraint>> merge(Map<String, List<Constraint>> a, Map<String, List<Constraint>> b) {
        Map<String, List<Constraint>> out = new LinkedHashMap<>();
        a.forEach((k, v) -> out.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        b.forEach((k, v) -> out.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        return out;
    }

    /** Whether every fact's constraints can hold together on a date. */
    private static boolean satisfiable(Map<String, List<Constraint>> constraints, Policy policy, LocalDate date) {
        for (List<Constraint> list : constraints.values()) {
            BigDecimal low = null;
            boolean lowIncl = true;
            BigDecimal high = null;
            boolean highIncl = true;
            Set<String> labels = null;
            for (Constraint c : list) {
                if (c.labels() != null) {
                    if (labels == null) {
                        labels = new LinkedHashSet<>(c.labels());
                    } else {
                        labels.retainAll(c.labels());
                    }
                    continue;
                }
                if (c.op() == null) {
                    continue;
                }
                BigDecimal t = value(c, policy, date);
                if (t == null) {
                    if (c.value().equals("true") || c.value().equals("false")) {
                        t = c.value().equals("true") ? BigDecimal.ONE : BigDecimal.ZERO;
                    } else {
                        return false;
                    }
                }
                switch (c.op()) {
                    case "==" -> {
                        if (low == null || t.compareTo(low) > 0 || t.compareTo(low) == 0 && !lowIncl) {
                            low = t;
                            lowIncl = true;
                        }
                        if (high == null || t.compareTo(high) < 0) {
                            high = t;
                            highIncl = true;
                        }
                    }
                    case ">=", ">" -> {
                        boolean incl = c.op().equals(">=");
                        if (low == null || t.compareTo(low) > 0 || t.compareTo(low) == 0 && !incl) {
                            low = t;
                            lowIncl = incl;
                        }
                    }
                    default -> {
                        boolean incl = c.op().equals("<=");
                        if (high == null || t.compareTo(high) < 0 || t.compareTo(high) == 0 && !incl) {
                            high = t;
                            highIncl = incl;
                        }
                    }
                }
            }
            if (labels != null && labels.isEmpty()) {
                return false;
            }
            if (low != null && high != null) {
                int cmp = low.compareTo(high);
                if (cmp > 0 || cmp == 0 && !(lowIncl && highIncl)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static BigDecimal value(Constraint c, Policy policy, LocalDate date) {
        if (c.number() != null) {
            return c.number();
        }
        if (!c.param()) {
            return null;
        }
        return policy.parameters().find(c.value(), date).map(Parameter::value).orElse(null);
    }

    /** Which action column holds the outcome. */
    private static final class ActionKeysOutcome {
        static boolean is(Column c) {
            return c.kind() == ColumnKind.ACTION && ActionKeys.OUTCOME.equals(c.actionKey());
        }
    }
}
