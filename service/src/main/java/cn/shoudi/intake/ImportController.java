package cn.shoudi.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import cn.shoudi.AuditTrail;
import cn.shoudi.Viewer;
import java.util.HashMap;

/** Bulk import of households, and the template of its layout. */
@Tag(name = "户籍")
@RestController
public class ImportController {

    private final HouseholdImport importer;
    private final ImportRuns runs;
    private final HouseholdExport exporter;
    private final AuditTrail audit;

    ImportController(HouseholdImport importer, ImportRuns runs, HouseholdExport exporter, AuditTrail audit) {
        this.importer = importer;
        this.runs = runs;
        this.exporter = exporter;
        this.audit = audit;
    }

    /** mode: ALL_OR_NOTHING (default) or VALID_ONLY. */
    @Operation(summary = "导入户籍 Excel（全部成功或只导入有效行）")
    @PostMapping(path = "/api/imports/households", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public HouseholdImport.Report importHouseholds(@RequestParam("file") MultipartFile file,
                                            @RequestParam(defaultValue = "ALL_OR_NOTHING") HouseholdImport.Mode mode)
            throws IOException {
        return importer.run(file.getOriginalFilename(), file.getBytes(), mode,
                Viewer.current().limitedToVillage());
    }

    /** Starts an import in the background (large files); follow its progress. */
    @Operation(summary = "在后台导入户籍 Excel（大文件），返回进度",
            responses = @ApiResponse(responseCode = "202", description = "已开始，Location 指向进度"))
    @PostMapping(path = "/api/imports/households/async", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ImportRuns.Progress> start(@RequestParam("file") MultipartFile file,
                                                  @RequestParam(defaultValue = "ALL_OR_NOTHING") HouseholdImport.Mode mode)
            throws IOException {
        ImportRuns.Progress p = runs.start(file.getOriginalFilename(), file.getBytes(), mode,
                Viewer.current().limitedToVillage());
        return ResponseEntity.accepted().header(HttpHeaders.LOCATION, "/api/imports/" + p.id()).body(p);
    }

    @Operation(summary = "查询后台户籍导入的进度与结果")
    @GetMapping("/api/imports/{id}")
    public ResponseEntity<ImportRuns.Progress> progress(@PathVariable String id) {
        return ResponseEntity.of(runs.progress(id));
    }

    /** The import template: every column (see {@code GET /api/facts} for each fact's values) and one example row. */
    @Operation(summary = "下载户籍导入模板（Excel，含示例行）")
    @GetMapping("/api/imports/households/template.xlsx")
    public ResponseEntity<byte[]> template() {
        Map<String, String> example = new HashMap<>(Map.ofEntries(Map.entry("户编号", "500243201001"),
                Map.entry("行政村编码", "500243201"), Map.entry("村民小组", "1组"), Map.entry("户类型", "脱贫户"),
                Map.entry("家庭纯收入", "16500"), Map.entry("刚性支出", "0"), Map.entry("上年纯收入", "17000"),
                Map.entry("风险类型", "因病"), Map.entry("能否自身应对", "否"), Map.entry("三保障或饮水问题", "否"),
                Map.entry("房屋安全等级", "B"), Map.entry("主要致贫原因", "因病"), Map.entry("享受型车辆价值", "0"),
                Map.entry("自来水入户", "是"), Map.entry("姓名", "冉德才"), Map.entry("身份证号", "500243196504120011"),
                Map.entry("性别", "男"), Map.entry("出生日期", "1965-04-12"), Map.entry("与户主关系", "户主"),
                Map.entry("健康状况", "大病"), Map.entry("就学情况", "非在校"), Map.entry("基本医保", "是"),
                Map.entry("大病保险", "是"), Map.entry("劳动能力", "弱劳动力")));
        List<List<String>> rows = List.of(ImportColumns.ALL,
                ImportColumns.ALL.stream().map(h -> example.getOrDefault(h, "")).toList());
        return xlsx("户籍导入模板.xlsx", HouseholdExport.xlsx(rows));
    }

    /**
     * The registry export (户籍导出) in the import layout, with full ID numbers (it is the file that is imported back):
     * the caller's village, or the given one (all when omitted) for township-wide accounts. Audited.
     */
    @Operation(summary = "导出户籍 Excel（导入格式，含完整身份证号，留痕）")
    @GetMapping("/api/imports/households/export.xlsx")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) Long villageId) {
        Long own = Viewer.current().limitedToVillage();
        Long village = own != null ? own : villageId;
        List<List<String>> rows = exporter.rows(village);
        audit.record(AuditTrail.Action.EXPORT, "households" + (village == null ? "" : "?villageId=" + village),
                "OK", (rows.size() - 1) + " rows");
        return xlsx("户籍导出.xlsx", HouseholdExport.xlsx(rows));
    }

    private static ResponseEntity<byte[]> xlsx(String name, byte[] bytes) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
