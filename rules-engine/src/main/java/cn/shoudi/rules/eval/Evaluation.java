package cn.shoudi.rules.eval;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The result of evaluating one household against a whole policy.
 *
 * @param policyVersion version of the policy used
 * @param householdId   the household
 * @param asOf          the as-of date that chose the parameters
 * @param decisions     one decision per table, by table id, in policy order
 */
public record Evaluation(String policyVersion, String householdId, LocalDate asOf, Map<String, Decision> decisions) {

    /** All findings of all decisions. */
    public List<Finding> findings() {
        return decisions.values().stream().flatMap(d -> d.findings().stream()).toList();
    }

    /** The decision of one table. */
    public Decision decision(String tableId) {
        Decision d = decisions.get(tableId);
        if (d == null) {
            throw new IllegalArgumentException("no table '" + tableId + "' in policy " + policyVersion);
        }
        return d;
    }
}
