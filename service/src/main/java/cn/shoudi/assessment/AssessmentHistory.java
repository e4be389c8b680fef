package cn.shoudi.assessment;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads stored assessments: a household's history, newest first, each with what changed since the one before.
 */
@Service
public class AssessmentHistory {

    private static final TypeReference<Map<String, String>> OUTPUTS = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
    };

    private final Assessments assessments;
    private final JsonMapper json;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    AssessmentHistory(Assessments assessments, JsonMapper json, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.assessments = assessments;
        this.json = json;
    }

    /** The household's assessments, newest first; empty when it has none. */
    @Transactional(readOnly = true)
    public List<AssessmentView> history(long householdId) {
        List<Assessment> all = assessments.findByHouseholdIdOrderByIdDesc(householdId);
        List<AssessmentView> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Assessment previous = i + 1 < all.size() ? all.get(i + 1) : null;
            out.add(view(all.get(i), previous));
        }
        return out;
    }

    /** The household's latest assessment. */
    @Transactional(readOnly = true)
    public Optional<AssessmentView> latest(long householdId) {
        List<Assessment> all = assessments.findByHouseholdIdOrderByIdDesc(householdId);
        return all.isEmpty() ? Optional.empty() : Optional.of(view(all.get(0), all.size() > 1 ? all.get(1) : null));
    }

    /**
     * The first assessment of the current streak in which the household's latest assessments carry a finding with
     * this task code: walking back from the latest, the oldest one before the first assessment without it. 0 when the
     * latest assessment does not carry it.
     */
    @Transactional(readOnly = true)
    public long streakStart(long householdId, String taskCode) {
        List<Long> ids = jdbc.sql("SELECT a.id FROM assessment a WHERE a.household_id = ? ORDER BY a.id DESC")
                .param(householdId).query(Long.class).list();
        java.util.Set<Long> carrying = new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT f.assessment_id FROM "
                        + "assessment_finding f JOIN assessment a ON a.id = f.assessment_id "
                        + "WHERE a.household_id = ? AND f.task_code = ?")
                .params(householdId, taskCode).query(Long.class).list());
        long start = 0;
        for (Long id : ids) {
            if (!carrying.contains(id)) {
                break;
            }
            start = id;
        }
        return start;
    }

    /** One assessment by id. */
    @Transactional(readOnly = true)
    public Optional<AssessmentView> find(long assessmentId) {
        return assessments.findById(assessmentId).map(a -> view(a, null));
    }

    private AssessmentView view(Assessment a, Assessment previous) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        a.decisions().forEach(d -> outcomes.put(d.tableId(), d.outcome()));
        List<FindingView> findings = a.findings().stream().map(this::finding).toList();
        return new AssessmentView(a.id(), a.householdId(), a.householdVersion(), a.policyVersion(), a.asOf(),
                a.createdAt(), outcomes, findings, previous == null ? null : changes(previous, a));
    }

    private FindingView finding(Assessment.FindingRecord f) {
        return new FindingView(f.tableId(), f.tableTitle(), f.fileName(), f.sheet(), f.rowNo(), f.code(),
                f.outcome(), f.reason(), json.readValue(f.outputs(), OUTPUTS), json.readValue(f.tested(), LIST),
                json.readValue(f.parameters(), LIST));
    }

    /** "新增: …; 消除: …; 监测对象纳入: 不纳入 → 脱贫不稳定户", or "无变化". */
    private String changes(Assessment before, Assessment after) {
        Set<String> was = refs(before);
        Set<String> now = refs(after);
        List<String> parts = new ArrayList<>();
        List<String> added = now.stream().filter(r -> !was.contains(r)).toList();
        List<String> removed = was.stream().filter(r -> !now.contains(r)).toList();
        if (!added.isEmpty()) {
            parts.add("新增: " + String.join("、", added));
        }
        if (!removed.isEmpty()) {
            parts.add("消除: " + String.join("、", removed));
        }
        Map<String, String> old = new LinkedHashMap<>();
        before.decisions().forEach(d -> old.put(d.tableId(), d.outcome()));
        for (Assessment.DecisionRecord d : after.decisions()) {
            String o = old.get(d.tableId());
            if (o != null && !Objects.equals(o, d.outcome())) {
                parts.add(d.title() + ": " + o + " → " + d.outcome());
            }
        }
        return parts.isEmpty() ? "无变化" : String.join("; ", parts);
    }

    private static Set<String> refs(Assessment a) {
        return a.findings().stream().map(f -> f.tableTitle() + " 第" + f.rowNo() + "行 " + f.code())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
