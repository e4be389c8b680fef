package cn.shoudi.web;

import cn.shoudi.Viewer;
import cn.shoudi.policy.PolicyController;
import org.springframework.http.ResponseEntity;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import cn.shoudi.assessment.RuleCoverage;

/**
 * Policy staff's pages: the versions with their workbooks, upload of a draft with its validation report (every error
 * at its sheet, row and cell), simulation with transitions by village (chart) and the affected households, approval,
 * publication, roll-back, the difference between two versions and the audit trail. Leaders read them.
 */
@Controller
class PolicyPages {

    private final PolicyController policy;
    private final Views views;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RuleCoverage coverage;

    PolicyPages(PolicyController policy, Views views, JdbcClient jdbc, JsonMapper json,
                RuleCoverage coverage) {
        this.coverage = coverage;
        this.policy = policy;
        this.views = views;
        this.jdbc = jdbc;
        this.json = json;
    }

    @GetMapping("/policy")
    String versions(Model model) {
        List<Map<String, Object>> versions = new ArrayList<>(views.list(policy.versions()));
        versions.sort((a, b) -> Long.compare(((Number) b.get("id")).longValue(), ((Number) a.get("id")).longValue()));
        model.addAttribute("versions", versions);
        model.addAttribute("published", versions.stream().filter(v -> "PUBLISHED".equals(v.get("status")))
                .findFirst().orElse(null));
        return "policy/versions";
    }

    /** The published rows with their production hits and how many households lack their facts. */
    @GetMapping("/policy/rules")
    String rules(Model model) {
        RuleCoverage.Report report = coverage.report();
        Map<String, List<RuleCoverage.RowView>> tables = new LinkedHashMap<>();
        report.rows().forEach(r -> tables.computeIfAbsent(r.tableTitle() + "（" + r.file() + "）", k -> new ArrayList<>())
                .add(r));
        model.addAttribute("report", report);
        model.addAttribute("tables", tables);
        return "policy/rules";
    }

    @PostMapping("/policy/upload")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String comment,
                  RedirectAttributes flash) {
        try {
            Map<String, Object> v = views.map(policy.uploadTable(file, comment, Viewer.current().username()).getBody());
            return "redirect:/policy/versions/" + v.get("id");
        } catch (RuntimeException e) {
            flash.addFlashAttribute("error", Views.message(e));
            return "redirect:/policy";
        }
    }

    @GetMapping("/policy/versions/{id}")
    String version(@PathVariable long id, Model model) {
        model.addAttribute("version", views.map(policy.version(id)));
        return "policy/version";
    }

    @PostMapping("/policy/versions/{id}/simulate")
    String simulate(@PathVariable long id, Model model) {
        Map<String, Object> report = views.map(policy.simulate(id, Viewer.current().username()));
        model.addAttribute("version", views.map(policy.version(id)));
        model.addAttribute("report", report);
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT id, name FROM registry_village ORDER BY id").query((rs, i) ->
                names.put(String.valueOf(rs.getLong(1)), rs.getString(2))).list();
        @SuppressWarnings("unchecked")
        Map<String, Object> byVillage = (Map<String, Object>) report.get("byVillage");
        List<String> villages = new ArrayList<>();
        List<Object> counts = new ArrayList<>();
        byVillage.forEach((k, v) -> {
            villages.add(names.getOrDefault(k, k));
            counts.add(v);
        });
        model.addAttribute("villageNames", names);
        model.addAttribute("chart", json.writeValueAsString(Map.of(
                "tooltip", Map.of(), "xAxis", Map.of("type", "category", "data", villages),
                "yAxis", Map.of("type", "value"), "series", List.of(Map.of("type", "bar", "data", counts)))));
        return "policy/simulation";
    }

    @PostMapping("/policy/versions/{id}/approve")
    String approve(@PathVariable long id, RedirectAttributes flash) {
        return act(id, flash, "policy.approved", () -> policy.approve(id, Viewer.current().username()));
    }

    @PostMapping("/policy/versions/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes flash) {
        return act(id, flash, "policy.publishedNotice", () -> policy.publish(id, Viewer.current().username()));
    }

    @PostMapping("/policy/versions/{id}/rollback")
    String rollback(@PathVariable long id, RedirectAttributes flash) {
        return act(id, flash, "policy.rolledBack", () -> policy.rollback(id, Viewer.current().username()));
    }

    @GetMapping("/policy/diff")
    String diff(@RequestParam long from, @RequestParam long to, Model model) {
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("files", views.list(policy.diff(from, to)));
        return "policy/diff";
    }

    @GetMapping("/policy/audit")
    String audit(Model model) {
        model.addAttribute("entries", views.list(policy.audit()));
        return "policy/audit";
    }

    @GetMapping("/policy/versions/{id}/files/{fileName:.+}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable String fileName) {
        return policy.download(id, fileName);
    }

    private String act(long id, RedirectAttributes flash, String notice, Supplier<Object> action) {
        try {
            action.get();
            flash.addFlashAttribute("notice", notice);
        } catch (RuntimeException e) {
            flash.addFlashAttribute("error", Views.message(e));
        }
        return "redirect:/policy/versions/" + id;
    }
}
