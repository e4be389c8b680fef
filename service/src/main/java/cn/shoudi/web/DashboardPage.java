package cn.shoudi.web;

import cn.shoudi.procedure.ProcedurePipeline;
import cn.shoudi.reporting.Dashboard;
import cn.shoudi.reporting.TownshipReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The leaders' dashboard: the township at a glance, with ECharts charts. */
@Controller
class DashboardPage {

    private final Dashboard dashboard;
    private final TownshipReports reports;
    private final ProcedurePipeline pipeline;
    private final JsonMapper json;

    DashboardPage(Dashboard dashboard, TownshipReports reports, ProcedurePipeline pipeline, JsonMapper json) {
        this.dashboard = dashboard;
        this.reports = reports;
        this.pipeline = pipeline;
        this.json = json;
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) Long village,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                     Model model) {
        var scope = reports.scope(null, village, asOf);
        Dashboard.Figures f = dashboard.figures(scope);
        model.addAttribute("figures", f);
        model.addAttribute("asOf", scope.asOf());
        model.addAttribute("village", village);
        model.addAttribute("procedures", pipeline.pipeline(village));
        List<Object> series = new ArrayList<>();
        for (int c = 0; c < f.householdsByVillage().columns().size(); c++) {
            int col = c;
            series.add(Map.of("name", f.householdsByVillage().columns().get(c), "type", "bar", "stack", "h",
                    "data", f.householdsByVillage().counts().stream().map(r -> r.get(col)).toList()));
        }
        model.addAttribute("villageChart", json.writeValueAsString(Map.of("tooltip", Map.of(), "legend", Map.of(),
                "xAxis", Map.of("type", "category", "data", f.householdsByVillage().rows()),
                "yAxis", Map.of("type", "value"), "series", series)));
        model.addAttribute("categoryChart", pie(f.monitoringByCategory()));
        model.addAttribute("riskChart", pie(f.monitoringByRisk()));
        model.addAttribute("trendChart", json.writeValueAsString(Map.of("tooltip", Map.of(), "legend", Map.of(),
                "xAxis", Map.of("type", "category", "data", years(f)),
                "yAxis", Map.of("type", "value"),
                "series", List.of(Map.of("name", "建档立卡", "type", "line", "data", values(f.registeredByYear(), f)),
                        Map.of("name", "脱贫", "type", "line", "data", values(f.exitedByYear(), f))))));
        return "dashboard";
    }

    private String pie(Map<String, Long> data) {
        return json.writeValueAsString(Map.of("tooltip", Map.of(), "series", List.of(Map.of("type", "pie",
                "radius", "60%", "data", data.entrySet().stream().map(e -> Map.of("name", e.getKey(), "value",
                        e.getValue())).toList()))));
    }

    private static List<Integer> years(Dashboard.Figures f) {
        java.util.TreeSet<Integer> y = new java.util.TreeSet<>(f.registeredByYear().keySet());
        y.addAll(f.exitedByYear().keySet());
        return new ArrayList<>(y);
    }

    private static List<Long> values(Map<Integer, Long> byYear, Dashboard.Figures f) {
        return years(f).stream().map(y -> byYear.getOrDefault(y, 0L)).toList();
    }
}
