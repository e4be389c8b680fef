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
        List<Assessment> all = assessments.findTop2ByHouseholdIdOrderByIdDesc(householdId);
        return all.isEmpty() ? Optional.empty() : Optional.of(view(all.get(0), all.size() > 1 ? all.get(1) : null));
    }

    /**
     * A household's latest assessment, reduced to what monitoring follows: its id and the findings that set a task
     * code, in the order the assessment lists them.
     */
    public record TaskFindings(long assessmentId, List<FindingView> findings) {
    }

    /**
     * The latest assessment of each of several households, as {@link TaskFindings}, in three queries whatever their
     * number; households never assessed are absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, TaskFindings> latestTaskFindings(java.util.Collection<Long> householdIds) {
        Map<Long, Long> latest = new java.util.HashMap<>();
        if (householdIds.isEmpty()) {
            return Map.of();
        }
        jdbc.sql("SELECT household_id, MAX(id) FROM assessment WHERE household_id IN (:ids) GROUP BY household_id")
                .param("ids", householdIds)
                .query(rs -> {
                    latest.put(rs.getLong(1), rs.getLong(2));
                });
        if (latest.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<FindingView>> findings = new java.util.HashMap<>();
        jdbc.sql("SELECT assessment_id, table_id, table_title, file_name, sheet, row_no, code, outcome, reason, "
                        + "task_code, outputs, tested, parameters FROM assessment_finding WHERE assessment_id IN (:ids) "
                        + "AND task_code IS NOT NULL ORDER BY assessment_id, position")
                .param("ids", latest.values())
                .query(rs -> {
                    findings.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(finding(
                            new Assessment.FindingRecord(rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8),
                                    rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                                    rs.getString(13))));
                });
        Map<Long, TaskFindings> out = new java.util.HashMap<>();
        latest.forEach((household, id) -> out.put(household, new TaskFindings(id, findings.getOrDefault(id,
                List.of()))));
        return out;
    }

    /**
     * Where the current streak of each task code starts, for several households at once, in two queries: walking back
     * from the household's latest assessment, the oldest one before the first assessment without a finding with that
     * task code; 0 when the latest assessment does not carry it.
     */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, Long>> streakStarts(Map<Long, Set<String>> codesByHousehold) {
        if (codesByHousehold.isEmpty()) {
            return Map.of();
        }
        Set<String> codes = codesByHousehold.values().stream().flatMap(Set::stream)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        Map<Long, List<Long>> ids = new java.util.HashMap<>();
        jdbc.sql("SELECT household_id, id FROM assessment WHERE household_id IN (:ids) ORDER BY household_id, id DESC")
                .param("ids", codesByHousehold.keySet())
                .query(rs -> {
                    ids.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        Map<String, Set<Long>> carrying = new java.util.HashMap<>();
        jdbc.sql("SELECT DISTINCT f.task_code, f.assessment_id FROM assessment_finding f JOIN assessment a "
                        + "ON a.id = f.assessment_id WHERE a.household_id IN (:ids) AND f.task_code IN (:codes)")
                .param("ids", codesByHousehold.keySet()).param("codes", codes)
                .query(rs -> {
                    carrying.computeIfAbsent(rs.getString(1), k -> new java.util.HashSet<>()).add(rs.getLong(2));
                });
        Map<Long, Map<String, Long>> out = new java.util.HashMap<>();
        codesByHousehold.forEach((household, wanted) -> {
            Map<String, Long> starts = new java.util.HashMap<>();
            for (String code : wanted) {
                Set<Long> with = carrying.getOrDefault(code, Set.of());
                long start = 0;
                for (Long id : ids.getOrDefault(household, List.of())) {
                    if (!with.contains(id)) {
                        break;
                    }
                    start = id;
                }
                starts.put(code, start);
            }
            out.put(household, starts);
        });
        return out;
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
