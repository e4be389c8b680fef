package cn.shoudi.web;

import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.assessment.AssessmentController;
import cn.shoudi.intake.HouseholdImport;
import cn.shoudi.intake.ImportController;
import cn.shoudi.intake.SignalController;
import cn.shoudi.monitoring.TaskController;
import cn.shoudi.registry.HouseholdController;
import cn.shoudi.registry.HouseholdData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Data pages: household search, a household with its members, assessment history and tasks, an edit of its income
 * and risks (the API's validation messages), bulk import with its per-row report, and the signal review queue.
 */
@Controller
class DataPages {

    /** Risk types (返贫致贫风险类型) offered on the edit form, as the registry accepts them. */
    static final List<String> RISK_TYPES = List.of("因病", "因学", "因残", "因自然灾害", "因意外事故", "因产业项目失败",
            "因务工就业不稳", "缺劳动力", "其他");

    private final HouseholdController households;
    private final AssessmentController assessments;
    private final TaskController tasks;
    private final ImportController imports;
    private final SignalController signals;
    private final Views views;
    private final HouseholdRecord record;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    DataPages(HouseholdController households, AssessmentController assessments, TaskController tasks,
              ImportController imports, SignalController signals, Views views, HouseholdRecord record,
              JdbcClient jdbc, JsonMapper json) {
        this.households = households;
        this.assessments = assessments;
        this.tasks = tasks;
        this.imports = imports;
        this.signals = signals;
        this.views = views;
        this.record = record;
        this.jdbc = jdbc;
        this.json = json;
    }

    @GetMapping("/households")
    String search(@RequestParam(required = false) Long villageId, @RequestParam(required = false) String q,
                  Model model) {
        Long limited = cn.shoudi.Viewer.current().limitedToVillage();
        List<Map<String, Object>> villages = jdbc.sql("SELECT id, name FROM registry_village ORDER BY id")
                .query((rs, i) -> Map.<String, Object>of("id", rs.getLong(1), "name", rs.getString(2))).list()
                .stream().filter(v -> limited == null || limited.equals(v.get("id"))).toList();
        Long village = villageId != null ? villageId : limited != null ? limited
                : villages.isEmpty() ? null : (Long) villages.get(0).get("id");
        model.addAttribute("villages", villages);
        model.addAttribute("villageId", village);
        model.addAttribute("q", q);
        List<Map<String, Object>> found = village == null ? List.of() : views.list(households.byVillage(village))
                .stream().filter(h -> q == null || q.isBlank() || String.valueOf(h.get("householdNo")).contains(q.trim())
                        || ((List<?>) h.get("members")).stream().anyMatch(m -> String.valueOf(((Map<?, ?>) m)
                        .get("name")).contains(q.trim()))).limit(200).toList();
        model.addAttribute("households", found);
        return "households/search";
    }

    @GetMapping("/households/{id}")
    String household(@PathVariable long id, Model model) {
        model.addAttribute("household", views.map(households.get(id).getBody()));
        model.addAttribute("assessments", views.list(assessments.history(id)));
        model.addAttribute("tasks", views.list(tasks.householdTasks(id)));
        model.addAttribute("riskTypes", RISK_TYPES);
        for (String fact : List.of("health", "schooling", "labour")) {
            model.addAttribute(fact + "Choices", FactCatalogue.STANDARD.require(fact).allowed());
        }
        record.addTo(id, model);
        return "households/detail";
    }

    @PostMapping("/households/{id}/income")
    String editIncome(@PathVariable long id, @RequestParam BigDecimal netIncome,
                      @RequestParam(required = false) BigDecimal rigidExpenditure,
                      @RequestParam(defaultValue = "false") boolean selfCoping,
                      @RequestParam(required = false) List<String> riskTypes, @RequestParam long version,
                      RedirectAttributes flash) {
        String household = "/households/" + id;
        return "redirect:" + Views.attempt(flash, "household.saved", household, () -> {
            Map<String, Object> current = views.map(households.get(id).getBody());
            current.put("netIncome", netIncome);
            current.put("rigidExpenditure", rigidExpenditure == null ? BigDecimal.ZERO : rigidExpenditure);
            current.put("selfCoping", selfCoping);
            current.put("riskTypes", riskTypes == null ? List.of() : riskTypes);
            current.put("version", version);
            current.put("helperCadreId", null);
            households.update(id, json.convertValue(current, HouseholdData.class));
            return household;
        });
    }

    @GetMapping("/imports")
    String importForm() {
        return "data/import";
    }

    @PostMapping("/imports")
    String importFile(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING")
    HouseholdImport.Mode mode, Model model) throws IOException {
        try {
            model.addAttribute("report", views.map(imports.importHouseholds(file, mode)));
        } catch (RuntimeException e) {
            model.addAttribute("error", Views.message(e));
        }
        return "data/import";
    }

    @GetMapping("/signals/review")
    String review(Model model) {
        model.addAttribute("signals", views.list(signals.reviewQueue()));
        return "data/signals";
    }

    @PostMapping("/signals/{id}/match")
    String match(@PathVariable long id, @RequestParam long householdId, RedirectAttributes flash) {
        try {
            signals.match(id, new SignalController.Match(householdId));
            flash.addFlashAttribute("notice", "signals.matched");
        } catch (RuntimeException e) {
            flash.addFlashAttribute("error", Views.message(e));
        }
        return "redirect:/signals/review";
    }
}
