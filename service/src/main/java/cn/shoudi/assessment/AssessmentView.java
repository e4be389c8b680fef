package cn.shoudi.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.List;

/**
 * A stored assessment as other features and the API see it.
 *
 * @param id               assessment id
 * @param householdId      household
 * @param householdVersion household data version evaluated
 * @param policyVersion    policy version used
 * @param asOf             as-of date
 * @param createdAt        when it was stored
 * @param outcomes         outcome per decision, by table id
 * @param findings         the findings, in table and row order
 * @param changes          what changed since the previous assessment, e.g. "新增: 监测对象纳入 第10行 M-1"; null for the first
 */
public record AssessmentView(long id, long householdId, long householdVersion, String policyVersion, LocalDate asOf,
                             Instant createdAt, Map<String, String> outcomes, List<FindingView> findings,
                             String changes) {
}
