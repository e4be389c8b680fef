package cn.shoudi.rules.cases;

import java.util.List;
import java.util.Set;

/**
 * The result of running one example case.
 *
 * @param example       the example
 * @param actualOutcome the outcome the policy gave
 * @param actualCodes   the rule codes that fired in the example's table
 * @param error         an evaluation error, or null
 */
public record ExampleResult(ExampleCase example, String actualOutcome, Set<String> actualCodes, String error) {

    public boolean passed() {
        return error == null && example.expectedOutcome().equals(actualOutcome)
                && (example.expectedCodes().isEmpty() && actualCodes.isEmpty()
                || example.expectedCodes().equals(actualCodes));
    }

    /** One line for reports, in Chinese and English. */
    public String describe() {
        String head = example.tableId() + " 示例 " + example.id() + "（" + example.at().describeZh() + "）";
        if (error != null) {
            return head + "：评估出错 / evaluation failed: " + error;
        }
        if (passed()) {
            return head + "：通过 / passed";
        }
        return head + "：预期「" + example.expectedOutcome() + "」" + sorted(example.expectedCodes())
                + "，实际「" + actualOutcome + "」" + sorted(actualCodes) + " / expected " + example.expectedOutcome()
                + " " + sorted(example.expectedCodes()) + ", got " + actualOutcome + " " + sorted(actualCodes);
    }

    private static List<String> sorted(Set<String> codes) {
        return codes.stream().sorted().toList();
    }
}
