package cn.shoudi.web;

import cn.shoudi.reporting.LedgerView;
import cn.shoudi.reporting.TownshipReport;
import cn.shoudi.reporting.TownshipReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The township report page and its ledger pages, with the same filters as the API (village, as-of date). */
@Controller
class ReportPages {

    /** Rows a ledger page shows; the XLSX download has them all. */
    static final int PAGE_ROWS = 500;

    private final TownshipReports reports;
    private final JdbcClient jdbc;

    ReportPages(TownshipReports reports, JdbcClient jdbc) {
        this.reports = reports;
        this.jdbc = jdbc;
    }

    @GetMapping("/reports/township")
    String report(@RequestParam(required = false) Long village,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                  Model model) {
        TownshipReport r = reports.report(reports.scope(null, village, asOf));
        model.addAttribute("report", r);
        model.addAttribute("villages", villages(r.townshipId()));
        model.addAttribute("query", query(village, r.asOf()));
        return "reports/township";
    }

    @GetMapping("/reports/township/ledgers/{code}")
    String ledger(@PathVariable String code, @RequestParam(required = false) Long village,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                  Model model) {
        var scope = reports.scope(null, village, asOf);
        LedgerView l = reports.ledger(code, scope)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("ledger", l);
        model.addAttribute("rows", l.rows().subList(0, Math.min(PAGE_ROWS, l.rows().size())));
        model.addAttribute("query", query(village, scope.asOf()));
        return "reports/ledger";
    }

    private List<Map<String, Object>> villages(long townshipId) {
        return jdbc.sql("SELECT id, name FROM registry_village WHERE township_id = ? ORDER BY id").param(townshipId)
                .query((rs, i) -> Map.<String, Object>of("id", rs.getLong(1), "name", rs.getString(2))).list();
    }

    private static String query(Long village, LocalDate asOf) {
        return "?asOf=" + asOf + (village == null ? "" : "&village=" + village);
    }
}
