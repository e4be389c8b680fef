package cn.shoudi.rules.table;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form in which a table's DRL is given to Drools: the same rules, written so that the Rete network shares and
 * indexes them. The DRL text Drools generated from the sheet stays the table's reviewable form; this is a fixed,
 * meaning-preserving rewrite of its parsed descriptor.
 * <ul>
 *   <li><b>Actions are data.</b> An ACTION cell can only record a constant for the firing row
 *   ({@code findings.put(kcontext, "<key>", "<value>");}, enforced by the reader), so the values are read here once
 *   and the consequence is left empty (MVEL dialect): no Java class per rule is generated and compiled, and nothing
 *   runs when a rule matches — the evaluator only notes which rules matched. A consequence of any other form is kept
 *   and runs as written.</li>
 *   <li><b>Numbers are literals.</b> A parameter cell may hold a plain number instead of a parameter code; the
 *   constraint {@code perCapitaNetIncome <= param("100010")} becomes {@code perCapitaNetIncome <= 100010B}. Drools
 *   hashes and range-indexes sibling alpha nodes that compare a field with a literal; a method call it must test one
 *   node after another (a 3,000-band table tested every band for every household).</li>
 *   <li><b>Shared conditions first.</b> Within a pattern, the constraints that more rows of the table share come
 *   first (ties keep the column order). Alpha nodes are shared along a path from the root only as far as rows agree,
 *   so this lets rows share the common part of their conditions and puts the ones that differ (an income band) side
 *   by side under one shared node, where the index applies. Constraints have no side effects, so their order does not
 *   change what matches; a pattern with a binding ({@code $x :}) keeps its order.</li>
 *   <li><b>In force first.</b> All tables of a policy share one KieBase, and a household is matched against every table
 *   at once; the evaluator keeps the matches of the tables in force on the as-of date. So that a table out of force
 *   tests nothing (its parameters may have no value on that date), every {@code HouseholdFacts} pattern with
 *   constraints starts with the table's window, {@code asOfEpochDay >= <生效日期>} and {@code asOfEpochDay <=
 *   <失效日期>}: shared by all the table's rows, failing at the first alpha node.</li>
 * </ul>
 */
final class CompiledForm {

    private static final String FACTS = "HouseholdFacts";
    private static final Pattern NUMBER_PARAM = Pattern.compile("\\bparam\\(\\s*\"(-?\\d+(?:\\.\\d+)?)\"\\s*\\)");
    private static final Pattern ACTION = Pattern.compile(
            "\\s*findings\\.put\\(\\s*kcontext\\s*,\\s*\"([a-z_]+)\"\\s*,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)\\s*;");

    /**
     * @param descr   the rewritten package, to be added to a knowledge builder
     * @param actions the action values of each rule whose consequence was replaced, by rule name; a rule missing here
     *                kept its consequence
     */
    record Result(PackageDescr descr, Map<String, Map<String, String>> actions) {
    }

    private CompiledForm() {
    }

    /**
     * Parses and rewrites a table's DRL.
     *
     * @param validFrom the table's first day in force, never null
     * @param validTo   its last day, or null when open-ended
     * @return empty when the DRL does not parse (the caller compiles the text as it is, for Drools' located errors)
     */
    static Optional<Result> of(String drl, LocalDate validFrom, LocalDate validTo) {
        Optional<Result> rewritten = parse(drl);
        rewritten.ifPresent(r -> r.descr().getRules().forEach(rule -> patternDescrs(rule)
                .forEach(pattern -> guard(pattern, validFrom, validTo))));
        return rewritten;
    }

    /**
     * Only the in-force guard, the rest of the DRL as Drools generated it: the form used when the rewritten one does
     * not compile.
     */
    static Optional<PackageDescr> guarded(String drl, LocalDate validFrom, LocalDate validTo) {
        Optional<PackageDescr> parsed = parsed(drl);
        parsed.ifPresent(descr -> descr.getRules().forEach(rule -> patternDescrs(rule)
                .forEach(p -> guard(p, validFrom, validTo))));
        return parsed;
    }

    /** The DRL's descriptor, or empty when it does not parse. */
    private static Optional<PackageDescr> parsed(String drl) {
        DrlParser parser = new DrlParser();
        try {
            PackageDescr descr = parser.parse(false, drl);
            return descr == null || parser.hasErrors() ? Optional.empty() : Optional.of(descr);
        } catch (DroolsParserException e) {
            return Optional.empty();
        }
    }

    private static void guard(PatternDescr pattern, LocalDate validFrom, LocalDate validTo) {
        String type = pattern.getObjectType();
        if (!(pattern.getConstraint() instanceof AndDescr and) || and.getDescrs().isEmpty()
                || !(FACTS.equals(type) || type.endsWith("." + FACTS))) {
            return;
        }
        List<BaseDescr> constraints = new ArrayList<>(and.getDescrs());
        pattern.removeAllConstraint();
        pattern.addConstraint(new ExprConstraintDescr("asOfEpochDay >= " + validFrom.toEpochDay()));
        if (validTo != null) {
            pattern.addConstraint(new ExprConstraintDescr("asOfEpochDay <= " + validTo.toEpochDay()));
        }
        constraints.forEach(pattern::addConstraint);
    }

    private static Optional<Result> parse(String drl) {
        Optional<PackageDescr> parsed = parsed(drl);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        PackageDescr descr = parsed.get();
        Map<String, Integer> shared = new HashMap<>();
        for (RuleDescr rule : descr.getRules()) {
            for (List<ExprConstraintDescr> constraints : patterns(rule)) {
                for (ExprConstraintDescr c : constraints) {
                    c.setExpression(literalNumbers(c.getExpression()));
                    shared.merge(c.getExpression(), 1, Integer::sum);
                }
            }
        }
        Map<String, Map<String, String>> actions = new LinkedHashMap<>();
        for (RuleDescr rule : descr.getRules()) {
            for (PatternDescr pattern : patternDescrs(rule)) {
                reorder(pattern, shared);
            }
            actions(rule.getConsequence()).ifPresent(values -> {
                actions.put(rule.getName(), values);
                rule.setConsequence("");
                rule.addAttribute(new AttributeDescr("dialect", "mvel"));
            });
        }
        return Optional.of(new Result(descr, actions));
    }

    /** {@code param("123.5")} → {@code 123.5B}: a BigDecimal literal, as {@code param} returns. */
    static String literalNumbers(String expression) {
        Matcher m = NUMBER_PARAM.matcher(expression);
        return m.find() ? m.replaceAll("$1") : expression;
    }

    /** The action values of a consequence made only of {@code findings.put} calls with literal values. */
    static Optional<Map<String, String>> actions(Object consequence) {
        if (!(consequence instanceof String text)) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = ACTION.matcher(text);
        int end = 0;
        while (m.find() && m.start() == end) {
            values.put(m.group(1), m.group(2).translateEscapes());
            end = m.end();
        }
        if (values.isEmpty() || !text.substring(end).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(values);
    }

    private static void reorder(PatternDescr pattern, Map<String, Integer> shared) {
        if (!(pattern.getConstraint() instanceof AndDescr and)) {
            return;
        }
        List<ExprConstraintDescr> constraints = new ArrayList<>();
        for (BaseDescr d : and.getDescrs()) {
            if (!(d instanceof ExprConstraintDescr c) || c.getExpression().contains("$")
                    || c.getExpression().contains(":")) {
                return;
            }
            constraints.add(c);
        }
        List<ExprConstraintDescr> ordered = constraints.stream()
                .sorted(Comparator.comparingInt((ExprConstraintDescr c) -> -shared.get(c.getExpression()))).toList();
        pattern.removeAllConstraint();
        ordered.forEach(pattern::addConstraint);
    }

    private static List<List<ExprConstraintDescr>> patterns(RuleDescr rule) {
        List<List<ExprConstraintDescr>> out = new ArrayList<>();
        for (PatternDescr p : patternDescrs(rule)) {
            if (p.getConstraint() instanceof AndDescr and) {
                out.add(and.getDescrs().stream().filter(ExprConstraintDescr.class::isInstance)
                        .map(ExprConstraintDescr.class::cast).toList());
            }
        }
        return out;
    }

    private static List<PatternDescr> patternDescrs(RuleDescr rule) {
        List<PatternDescr> out = new ArrayList<>();
        collect(rule.getLhs(), out);
        return out;
    }

    private static void collect(BaseDescr d, List<PatternDescr> out) {
        if (d instanceof PatternDescr p) {
            out.add(p);
        } else if (d instanceof AndDescr and) {
            and.getDescrs().forEach(child -> collect(child, out));
        }
    }
}
