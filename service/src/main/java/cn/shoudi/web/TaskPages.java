package cn.shoudi.web;

import cn.shoudi.Viewer;
import cn.shoudi.monitoring.Resolution;
import cn.shoudi.monitoring.TaskCommands;
import cn.shoudi.monitoring.TaskController;
import cn.shoudi.procedure.ProcedureService;
import cn.shoudi.procedure.ProcedureView;
import cn.shoudi.registry.HouseholdLabel;
import cn.shoudi.registry.HouseholdStatus;
import cn.shoudi.registry.Measure;
import cn.shoudi.registry.Registry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A cadre's pages (mobile width first): 我的任务, a task with why it exists and its history, and the cadre's actions. */
@Controller
class TaskPages {

    private final TaskController tasks;
    private final ProcedureService procedures;
    private final Views views;
    private final Registry registry;
    private final Clock clock;

    TaskPages(TaskController tasks, ProcedureService procedures, Views views, Registry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.tasks = tasks;
        this.procedures = procedures;
        this.views = views;
    }

    /**
     * 我的任务: each task with the household named by its head, village and group, the reason in one line, the due date
     * and how many days it is overdue; the most urgent first.
     */
    @GetMapping("/tasks")
    String inbox(Model model) {
        Long cadre = Viewer.current().cadreId();
        List<Map<String, Object>> list = cadre == null ? List.of() : views.list(tasks.cadreTasks(cadre, null, null,
                null));
        Map<Long, HouseholdLabel> labels = registry.labels(list.stream()
                .map(t -> ((Number) t.get("householdId")).longValue()).toList());
        LocalDate today = LocalDate.now(clock);
        List<Map<String, Object>> cards = new ArrayList<>();
        for (Map<String, Object> t : list) {
            Map<String, Object> card = new HashMap<>(t);
            card.put("label", labels.get(((Number) t.get("householdId")).longValue()));
            card.put("reasonLine", oneLine((String) t.get("reason")));
            LocalDate due = LocalDate.parse(String.valueOf(t.get("dueDate")));
            card.put("daysOverdue", due.isBefore(today) ? today.toEpochDay() - due.toEpochDay() : 0);
            cards.add(card);
        }
        cards.sort(Comparator.comparing(t -> String.valueOf(t.get("dueDate"))));
        model.addAttribute("tasks", cards);
        return "tasks/inbox";
    }

    private static String oneLine(String reason) {
        String r = reason == null ? "" : reason.replaceAll("\\s+", " ").trim();
        return r.length() > 60 ? r.substring(0, 59) + "…" : r;
    }

    @GetMapping("/tasks/{id}")
    String detail(@PathVariable long id, Model model) {
        Map<String, Object> detail = views.map(tasks.detail(id));
        @SuppressWarnings("unchecked")
        Map<String, Object> task = (Map<String, Object>) detail.get("task");
        model.addAttribute("task", task);
        model.addAttribute("household", detail.get("household"));
        model.addAttribute("evidence", detail.get("evidence"));
        model.addAttribute("open", !"RESOLVED".equals(task.get("status")) && !"CLOSED".equals(task.get("status")));
        model.addAttribute("measures", Measure.values());
        model.addAttribute("resolutions", Resolution.values());
        model.addAttribute("categories", HouseholdStatus.CATEGORIES);
        model.addAttribute("proposedCategory", proposedCategory(detail));
        model.addAttribute("procedure", procedureOf(task));
        model.addAttribute("today", LocalDate.now());
        return "tasks/detail";
    }

    @PostMapping("/tasks/{id}/acknowledge")
    String acknowledge(@PathVariable long id, RedirectAttributes flash) {
        return act(id, flash, "task.acknowledged",
                () -> tasks.acknowledge(id, new TaskController.CadreAction(cadre())));
    }

    @PostMapping("/tasks/{id}/visit")
    String visit(@PathVariable long id, @RequestParam LocalDate visitDate, @RequestParam String findings,
                 @RequestParam(required = false) List<String> measures,
                 @RequestParam(required = false) Boolean rigidSpendResolved,
                 @RequestParam(required = false) Boolean newRiskDetected, RedirectAttributes flash) {
        return act(id, flash, "task.visited", () -> tasks.visit(id, new TaskCommands.VisitData(cadre(), visitDate,
                findings, measures == null ? List.of() : measures, null, rigidSpendResolved, newRiskDetected)));
    }

    @PostMapping("/tasks/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam String outcome, @RequestParam(required = false) String note,
                   @RequestParam(required = false) String category, RedirectAttributes flash) {
        return act(id, flash, "task.resolved",
                () -> tasks.resolve(id, new TaskController.Resolve(cadre(), outcome, note,
                        category == null || category.isBlank() ? null : category)));
    }

    @PostMapping("/tasks/{id}/close")
    String close(@PathVariable long id, @RequestParam String reason, RedirectAttributes flash) {
        return act(id, flash, "task.closed", () -> tasks.close(id, new TaskController.Close(cadre(), reason)));
    }

    private static String act(long id, RedirectAttributes flash, String notice, Runnable action) {
        String task = "/tasks/" + id;
        return "redirect:" + Views.attempt(flash, notice, task, () -> {
            action.run();
            return task;
        });
    }

    /** The 监测类型 the household's latest assessment proposes, preselected for a 纳入监测 resolution; or null. */
    @SuppressWarnings("unchecked")
    private static String proposedCategory(Map<String, Object> detail) {
        Map<String, Object> current = (Map<String, Object>) detail.get("current");
        Map<String, Object> outcomes = current == null ? null : (Map<String, Object>) current.get("outcomes");
        Object category = outcomes == null ? null : outcomes.get("monitoring");
        return HouseholdStatus.CATEGORIES.contains(category) ? (String) category : null;
    }

    /** The procedure a resolution of this task started (纳入监测, 风险消除), if any. */
    private ProcedureView procedureOf(Map<String, Object> task) {
        long taskId = ((Number) task.get("id")).longValue();
        long householdId = ((Number) task.get("householdId")).longValue();
        return procedures.startedByTask(householdId, taskId).orElse(null);
    }

    /** The signed-in cadre; an account without one (-1) is refused by the task actions themselves. */
    private static long cadre() {
        Long c = Viewer.current().cadreId();
        return c == null ? -1 : c;
    }
}
