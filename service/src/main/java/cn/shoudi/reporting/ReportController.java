package cn.shoudi.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.shoudi.Problems;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * The township report and its ledgers: JSON, and XLSX downloads. Query parameters: {@code township} (id; default
 * the first), {@code village} (id; default all), {@code asOf} (yyyy-MM-dd; default the evaluation date).
 */
@Tag(name = "报表")
@RestController
@RequestMapping("/api/reports/township")
class ReportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final TownshipReports reports;
    private final TownshipFacts facts;

    ReportController(TownshipReports reports, TownshipFacts facts) {
        this.reports = reports;
        this.facts = facts;
    }

    @Operation(summary = "查询乡镇报表")
    @GetMapping
    TownshipReport report(@RequestParam(required = false) Long township, @RequestParam(required = false) Long village,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return reports.report(reports.scope(township, village, asOf));
    }

    @Operation(summary = "导出乡镇报表（Excel）")
    @GetMapping("/xlsx")
    ResponseEntity<byte[]> reportXlsx(@RequestParam(required = false) Long township,
                                      @RequestParam(required = false) Long village,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                      LocalDate asOf) {
        TownshipReport r = reports.report(reports.scope(township, village, asOf));
        return download(ReportXlsx.report(r), r.township() + (r.village() == null ? "" : r.village()) + "脱贫攻坚报表"
                + r.asOf() + ".xlsx");
    }

    @Operation(summary = "列出台账")
    @GetMapping("/ledgers")
    List<String> ledgers() {
        return LedgerCatalog.codes();
    }

    @Operation(summary = "查询台账")
    @GetMapping("/ledgers/{code}")
    LedgerView ledger(@PathVariable String code, @RequestParam(required = false) Long township,
                      @RequestParam(required = false) Long village,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        ReportScope s = reports.scope(township, village, asOf);
        return reports.ledger(code, s).orElseThrow(() -> new ReportNotFoundException("没有台账“" + code + "”"));
    }

    @Operation(summary = "导出台账（Excel）")
    @GetMapping("/ledgers/{code}/xlsx")
    ResponseEntity<byte[]> ledgerXlsx(@PathVariable String code, @RequestParam(required = false) Long township,
                                      @RequestParam(required = false) Long village,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                      LocalDate asOf) {
        LedgerView l = ledger(code, township, village, asOf);
        return download(ReportXlsx.ledger(l), l.title() + "台账" + l.asOf() + ".xlsx");
    }

    /** The township facts of a year (乡镇基本情况), as entered. */
    @Operation(summary = "查询乡镇基本情况（按年度）")
    @GetMapping("/facts")
    List<TownshipFact> facts(@RequestParam(required = false) Long township, @RequestParam int year) {
        return facts.find(reports.scope(township, null, null).townshipId(), year);
    }

    /** Replaces the township facts of a year. */
    @Operation(summary = "替换乡镇基本情况（按年度）")
    @PutMapping("/facts")
    List<TownshipFact> replaceFacts(@RequestParam(required = false) Long township, @RequestParam int year,
                                    @RequestBody List<TownshipFact> body) {
        cn.shoudi.Viewer.current().requireTownshipWide();
        FactValidation.check(body);
        long id = reports.scope(township, null, null).townshipId();
        facts.replace(id, year, body);
        return facts.find(id, year);
    }

    @ExceptionHandler
    ProblemDetail notFound(ReportNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "找不到报表数据", e.getMessage());
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, String filename) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(XLSX);
        headers.setContentDisposition(ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8)
                .build());
        return ResponseEntity.ok().headers(headers).body(bytes);
    }
}
