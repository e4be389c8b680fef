package cn.shoudi.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.shoudi.Incidents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import cn.shoudi.rules.table.TableSource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.CurrentSecurityContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** REST API of policy versions: upload, validate, simulate, approve, publish, roll back, download, diff, audit. */
@Tag(name = "政策")
@RestController
public class PolicyController {

    private static final Logger log = LoggerFactory.getLogger(PolicyController.class);

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PolicyService policies;
    private final PolicySimulation simulation;
    private final SimulationRuns simulationRuns;

    PolicyController(PolicyService policies, PolicySimulation simulation, SimulationRuns simulationRuns) {
        this.policies = policies;
        this.simulation = simulation;
        this.simulationRuns = simulationRuns;
    }

    @Operation(summary = "列出政策版本")
    @GetMapping("/api/policy/versions")
    public List<PolicyService.VersionView> versions() {
        return policies.all();
    }

    @Operation(summary = "查询政策版本")
    @GetMapping("/api/policy/versions/{id}")
    public PolicyService.VersionView version(@PathVariable long id) {
        return policies.get(id);
    }

    /** A whole set of workbooks as a new version (multipart field "files"). */
    @Operation(summary = "上传整套决策表为新的政策版本",
            responses = @ApiResponse(responseCode = "201", description = "已生成新版本"))
    @PostMapping(path = "/api/policy/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<PolicyService.VersionView> uploadSet(@RequestParam("files") List<MultipartFile> files,
                                                        @RequestParam(required = false) String comment,
                                                        @CurrentSecurityContext(expression = "authentication.name") String user) {
        List<TableSource> sources = new ArrayList<>();
        for (MultipartFile f : files) {
            sources.add(source(f));
        }
        return created(policies.uploadSet(sources, comment, user));
    }

    /** One workbook replacing its table in a new draft based on the published version (multipart field "file"). */
    @Operation(summary = "上传单张决策表，生成基于现行版本的草稿",
            responses = @ApiResponse(responseCode = "201", description = "已生成草稿版本"))
    @PostMapping(path = "/api/policy/tables", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<PolicyService.VersionView> uploadTable(@RequestParam("file") MultipartFile file,
                                                          @RequestParam(required = false) String comment,
                                                          @CurrentSecurityContext(expression = "authentication.name") String user) {
        return created(policies.uploadTable(source(file), comment, user));
    }

    @Operation(summary = "模拟政策版本对在册户的影响")
    @PostMapping("/api/policy/versions/{id}/simulate")
    public PolicySimulation.Report simulate(@PathVariable long id,
                                     @CurrentSecurityContext(expression = "authentication.name") String user) {
        return simulation.simulate(id, user == null ? "anonymous" : user);
    }

    /** Starts a simulation in the background (large registries); follow its progress. */
    @Operation(summary = "在后台模拟政策版本的影响（大数据量），返回进度",
            responses = @ApiResponse(responseCode = "202", description = "已开始，Location 指向进度"))
    @PostMapping("/api/policy/versions/{id}/simulations")
    public ResponseEntity<SimulationRuns.Progress> startSimulation(@PathVariable long id,
            @CurrentSecurityContext(expression = "authentication.name") String user) {
        SimulationRuns.Progress p = simulationRuns.start(id, user == null ? "anonymous" : user);
        return ResponseEntity.status(HttpStatus.ACCEPTED).header(HttpHeaders.LOCATION,
                "/api/policy/simulations/" + p.id()).body(p);
    }

    @Operation(summary = "查询后台政策模拟的进度与结果")
    @GetMapping("/api/policy/simulations/{runId}")
    public ResponseEntity<SimulationRuns.Progress> simulationProgress(@PathVariable String runId) {
        return ResponseEntity.of(simulationRuns.progress(runId));
    }

    /** The households a version would affect, as an XLSX ledger. */
    @Operation(summary = "导出政策版本影响的户清单（Excel）")
    @GetMapping("/api/policy/versions/{id}/simulation.xlsx")
    public ResponseEntity<byte[]> simulationXlsx(@PathVariable long id,
                                          @CurrentSecurityContext(expression = "authentication.name") String user) {
        PolicySimulation.Report r = simulation.simulate(id, user == null ? "anonymous" : user);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("受影响农户");
            String[] head = {"户ID", "户编号", "行政村ID", "村民小组ID", "变化", "新增任务"};
            Row h = s.createRow(0);
            for (int c = 0; c < head.length; c++) {
                h.createCell(c).setCellValue(head[c]);
            }
            int i = 1;
            for (PolicySimulation.Affected a : r.affectedHouseholds()) {
                Row row = s.createRow(i++);
                row.createCell(0).setCellValue(a.householdId());
                row.createCell(1).setCellValue(a.householdNo());
                row.createCell(2).setCellValue(a.villageId());
                row.createCell(3).setCellValue(a.groupId());
                row.createCell(4).setCellValue(String.join("；",
                        a.transitions().stream().map(PolicySimulation.Transition::describe).toList()));
                row.createCell(5).setCellValue(String.join("、", a.newTasks()));
            }
            wb.write(out);
            return file("simulation-v" + id + ".xlsx", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Operation(summary = "审批政策版本")
    @PostMapping("/api/policy/versions/{id}/approve")
    public PolicyService.VersionView approve(@PathVariable long id,
                                      @CurrentSecurityContext(expression = "authentication.name") String user) {
        return policies.approve(id, user);
    }

    @Operation(summary = "发布政策版本")
    @PostMapping("/api/policy/versions/{id}/publish")
    public PolicyService.PublishResult publish(@PathVariable long id,
                                        @CurrentSecurityContext(expression = "authentication.name") String user) {
        return policies.publish(id, user);
    }

    /** Publishes an approved version on a date (yyyy-MM-dd). */
    @Operation(summary = "定期发布已审批的政策版本")
    @PostMapping("/api/policy/versions/{id}/schedule")
    public PolicyService.VersionView schedule(@PathVariable long id, @RequestParam java.time.LocalDate date,
                                       @CurrentSecurityContext(expression = "authentication.name") String user) {
        return policies.schedule(id, date, user);
    }

    @Operation(summary = "回退到较早发布的政策版本")
    @PostMapping("/api/policy/versions/{id}/rollback")
    public PolicyService.PublishResult rollback(@PathVariable long id,
                                         @CurrentSecurityContext(expression = "authentication.name") String user) {
        return policies.rollback(id, user);
    }

    @Operation(summary = "下载政策版本中的决策表")
    @GetMapping("/api/policy/versions/{id}/files/{fileName:.+}")
    public ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable String fileName) {
        TableSource s = policies.file(id, fileName);
        return file(s.fileName(), s.bytes());
    }

    @Operation(summary = "下载现行决策表")
    @GetMapping("/api/policy/published/files/{fileName:.+}")
    public ResponseEntity<byte[]> downloadPublished(@PathVariable String fileName) {
        return download(policies.published().id(), fileName);
    }

    @Operation(summary = "比较两个政策版本的决策表")
    @GetMapping("/api/policy/diff")
    public List<PolicyDiff.FileDiff> diff(@RequestParam long from, @RequestParam long to) {
        return PolicyDiff.between(policies.sources(policies.find(from)), policies.sources(policies.find(to)));
    }

    @Operation(summary = "查询政策操作记录")
    @GetMapping("/api/policy/audit")
    public List<PolicyAudit> audit() {
        return policies.audit();
    }

    private static TableSource source(MultipartFile f) {
        try {
            return new TableSource(f.getOriginalFilename(), f.getBytes());
        } catch (IOException e) {
            throw new PolicyProblem(HttpStatus.BAD_REQUEST, "无法读取上传的文件，请重新上传（事件编号 "
                    + Incidents.log(log, "cannot read the uploaded file " + f.getOriginalFilename(), e) + "）");
        }
    }

    private static ResponseEntity<PolicyService.VersionView> created(PolicyService.VersionView v) {
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, "/api/policy/versions/" + v.id())
                .body(v);
    }

    private static ResponseEntity<byte[]> file(String name, byte[] bytes) {
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString()).body(bytes);
    }
}
