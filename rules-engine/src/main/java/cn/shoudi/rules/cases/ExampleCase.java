package cn.shoudi.rules.cases;

import cn.shoudi.rules.facts.HouseholdInput;
import cn.shoudi.rules.table.CellRef;

import java.time.LocalDate;
import java.util.Set;

/**
 * One example household of a table's examples sheet (示例) with the outcome policy staff expect.
 *
 * @param tableId         the table the example belongs to
 * @param id              example id (示例编号)
 * @param description     what the example shows (说明)
 * @param at              where the example row is
 * @param asOf            evaluation date (评估日期)
 * @param input           the household
 * @param expectedOutcome expected outcome of the table's decision (预期结论)
 * @param expectedCodes   expected rule codes that fire in the table (预期规则); empty when none
 */
public record ExampleCase(String tableId, String id, String description, CellRef at, LocalDate asOf,
                          HouseholdInput input, String expectedOutcome, Set<String> expectedCodes) {

    @Override
    public String toString() {
        return tableId + " " + id + " (" + at.a1() + ") " + description;
    }
}
