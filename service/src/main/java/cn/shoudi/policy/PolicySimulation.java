package cn.shoudi.policy;

import io.swagger.v3.oas.annotations.media.Schema;
import cn.shoudi.assessment.ActivePolicy;
import cn.shoudi.assessment.AssessmentService;
import cn.shoudi.registry.HouseholdSnapshot;
import cn.shoudi.registry.Registry;
import cn.shoudi.registry.Responsible;
import cn.shoudi.rules.eval.Decision;
import cn.shoudi.rules.eval.Evaluation;
import cn.shoudi.rules.eval.Evaluator;
import cn.shoudi.rules.eval.Finding;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * Impact simulation (影响模拟): every household evaluated under a version and under the published one; the transitions
 * between them (outcome changes per decision, alerts appearing or disappearing) with the rows responsible, counts by
 * village and villager group, and the new task load each cadre would get.
 */
@Service
class PolicySimulation {

    private static final int PAGE = 500;

    private final PolicyService policies;
    private final PolicyValidator validator;
    private final ActivePolicy active;
    private final AssessmentService assessments;
    private final Registry registry;

    PolicySimulation(PolicyService policies, PolicyValidator validator, ActivePolicy active,
                     AssessmentService assessments, Registry registry) {
        this.policies = policies;
        this.validator = validator;
        this.active = active;
        this.assessments = assessments;
        this.registry = registry;
    }

    /** One change of one household. */
    record Transition(String table, String title, String from, String to, List<String> rows) {
        String describe() {
            return title + "：" + from + " → " + to + (rows.isEmpty() ? "" : "（" + String.join("、", rows) + "）");
        }
    }

    /** One household the draft would affect. */
    record Affected(long householdId, String householdNo, long villageId, long groupId, List<Transition> transitions,
                    List<String> newTasks) {
    }

    /** The simulation's result. */
    @Schema(name = "SimulationReport")
    record Report(long versionId, String draft, String published, LocalDate asOf, int households, int affected,
                  int failed, Map<String, Integer> transitions, Map<Long, Integer> byVillage, Map<Long, Integer> byGroup,
                  Map<String, Integer> newTasksByCadre, List<Affected> affectedHouseholds) {
    }

    Report simulate(long versionId, String user) {
        return run(versionId, user, done -> { });
    }

    /** Simulates, reporting the households done after each page. */
    Report run(long versionId, String user, IntConsumer onPage) {
        PolicyVersion version = policies.find(versionId);
        PolicyValidator.Outcome outcome = validator.validate(version.label(), policies.sources(version));
        if (outcome.evaluator() == null) {
            throw new PolicyProblem(HttpStatus.CONFLICT, "该版本未通过校验，不能模拟");
        }
        Evaluator draft = outcome.evaluator();
        Evaluator published = active.evaluator();
        LocalDate asOf = assessments.asOf();
        Map<String, Integer> transitions = new TreeMap<>();
        Map<Long, Integer> byVillage = new TreeMap<>();
        Map<Long, Integer> byGroup = new TreeMap<>();
        Map<String, Integer> taskLoad = new TreeMap<>();
        List<Affected> affected = new ArrayList<>();
        int total = 0;
        int failed = 0;
        long after = 0;
        while (true) {
            List<Long> ids = registry.householdIdsAfter(after, PAGE);
            if (ids.isEmpty()) {
                break;
            }
            for (HouseholdSnapshot s : assessments.complete(registry.snapshots(ids))) {
                total++;
                Evaluation before;
                Evaluation now;
                try {
                    before = published.evaluate(s.input(), asOf);
                    now = draft.evaluate(s.input(), asOf);
                } catch (RuntimeException e) {
                    failed++;
                    continue;
                }
                List<Transition> changes = compare(before, now);
                if (changes.isEmpty()) {
                    continue;
                }
                List<String> newTasks = new ArrayList<>(taskCodes(now));
                newTasks.removeAll(taskCodes(before));
                if (!newTasks.isEmpty()) {
                    Responsible who = registry.responsibleFor(s.householdId());
                    String key = who.level().label() + (who.cadreId() == null ? "" : " #" + who.cadreId());
                    taskLoad.merge(key, newTasks.size(), Integer::sum);
                }
                changes.forEach(t -> transitions.merge(t.title() + "：" + t.from() + " → " + t.to(), 1, Integer::sum));
                byVillage.merge(s.villageId(), 1, Integer::sum);
                byGroup.merge(s.groupId(), 1, Integer::sum);
                affected.add(new Affected(s.householdId(), s.householdNo(), s.villageId(), s.groupId(), changes,
                        newTasks));
            }
            after = ids.get(ids.size() - 1);
            onPage.accept(total);
        }
        policies.audit(user, "SIMULATE", versionId, null, "模拟：" + total + " 户，受影响 " + affected.size() + " 户");
        return new Report(versionId, draft.policy().version(), published.policy().version(), asOf, total,
                affected.size(), failed, transitions, byVillage, byGroup, taskLoad, affected);
    }

    private static List<Transition> compare(Evaluation before, Evaluation now) {
        List<Transition> out = new ArrayList<>();
        Set<String> tables = new LinkedHashSet<>(before.decisions().keySet());
        tables.addAll(now.decisions().keySet());
        for (String table : tables) {
            Decision a = before.decisions().get(table);
            Decision b = now.decisions().get(table);
            String from = a == null ? "不适用" : a.outcome();
            String to = b == null ? "不适用" : b.outcome();
            Set<String> codesBefore = codes(a);
            Set<String> codesNow = codes(b);
            String title = b != null ? b.title() : a.title();
            if (!from.equals(to)) {
                List<String> rows = rows(b != null && !b.findings().isEmpty() ? b : a);
                out.add(new Transition(table, title, from, to, rows));
            } else if (!codesBefore.equals(codesNow)) {
                Set<String> appeared = new LinkedHashSet<>(codesNow);
                appeared.removeAll(codesBefore);
                Set<String> gone = new LinkedHashSet<>(codesBefore);
                gone.removeAll(codesNow);
                for (String c : appeared) {
                    out.add(new Transition(table, title, "无", c, rowsOf(b, c)));
                }
                for (String c : gone) {
                    out.add(new Transition(table, title, c, "无", rowsOf(a, c)));
                }
            }
        }
        return out;
    }

    private static Set<String> codes(Decision d) {
        Set<String> out = new LinkedHashSet<>();
        if (d != null) {
            d.findings().forEach(f -> out.add(f.code()));
        }
        return out;
    }

    private static List<String> rows(Decision d) {
        return d == null ? List.of() : d.findings().stream().map(PolicySimulation::row).toList();
    }

    private static List<String> rowsOf(Decision d, String code) {
        return d.findings().stream().filter(f -> f.code().equals(code)).map(PolicySimulation::row).toList();
    }

    private static String row(Finding f) {
        return f.file() + " 第" + f.row() + "行 " + f.code();
    }

    private static Set<String> taskCodes(Evaluation e) {
        Set<String> out = new LinkedHashSet<>();
        for (Finding f : e.findings()) {
            String code = f.output("task_code");
            if (code != null && !code.isBlank()) {
                out.add(code);
            }
        }
        return out;
    }
}
