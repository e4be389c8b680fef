package cn.shoudi.rules.table;

import cn.shoudi.rules.facts.FactCatalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.time.LocalDate;

/**
 * One rule row as policy staff read it and as the registry must feed it: its conditions in Chinese (the column's
 * description and the cell), the facts they test, the recorded facts those come from (what a household must have for
 * the row to be decided), and the household classes or population segments it is limited to.
 *
 * @param tableId        decision id
 * @param tableTitle     decision's Chinese name
 * @param file           workbook
 * @param sheet          rule sheet
 * @param excelRow       Excel row, 1-based
 * @param code           rule code
 * @param outcome        the outcome the row sets, or empty
 * @param conditions     the row's non-blank condition cells, left to right
 * @param recordedInputs the recorded facts (catalogue keys) its conditions are computed from
 * @param classes        household classes the row is limited to (户类型 cell), empty for any
 * @param segments       population segments it is limited to (人群类别 cell), empty for any
 */
public record RuleRowFacts(String tableId, String tableTitle, String file, String sheet, int excelRow, String code,
                           String outcome, List<Condition> conditions, Set<String> recordedInputs,
                           List<String> classes, List<String> segments) {

    /**
     * One condition cell.
     *
     * @param description the column's Chinese description
     * @param value       the cell
     * @param facts       the facts (catalogue keys) the column tests
     */
    public record Condition(String description, String value, List<String> facts) {
    }

    /** Every row of the tables that apply on a date, in table and row order. */
    public static List<RuleRowFacts> of(Policy policy, LocalDate on, FactCatalogue catalogue) {
        List<RuleRowFacts> out = new ArrayList<>();
        for (DecisionTable table : policy.tablesOn(on)) {
            for (RuleRow row : table.rules()) {
                out.add(of(table, row, catalogue));
            }
        }
        return out;
    }

    static RuleRowFacts of(DecisionTable table, RuleRow row, FactCatalogue catalogue) {
        List<Condition> conditions = new ArrayList<>();
        Set<String> inputs = new LinkedHashSet<>();
        List<String> classes = List.of();
        List<String> segments = List.of();
        String outcome = "";
        for (Column col : table.columns()) {
            String cell = row.cell(col.index());
            if (cell == null) {
                continue;
            }
            if (col.kind() == ColumnKind.CONDITION) {
                List<String> facts = SnippetAnalysis.testedFacts(col.snippet());
                conditions.add(new Condition(col.description(), cell, facts));
                facts.forEach(f -> inputs.addAll(catalogue.recordedInputs(f)));
                if (col.snippet().contains("householdClassIn(")) {
                    classes = split(cell);
                } else if (col.snippet().contains("segmentIn(")) {
                    segments = split(cell);
                }
            } else if ("outcome".equals(col.actionKey())) {
                outcome = cell;
            }
        }
        return new RuleRowFacts(table.id(), table.title(), table.fileName(), table.sheet(), row.excelRow(), row.code(),
                outcome, List.copyOf(conditions), Set.copyOf(inputs), classes, segments);
    }

    /** Whether the row can apply to a household of this class and population segment. */
    public boolean appliesTo(String householdClass, String segment) {
        return (classes.isEmpty() || classes.contains(householdClass))
                && (segments.isEmpty() || segments.contains(segment));
    }

    private static List<String> split(String cell) {
        return Arrays.stream(cell.split("[、,，;；\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
