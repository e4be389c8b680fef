package cn.shoudi.procedure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** REST API of procedures: start one for a household, take its steps, withdraw it; the leaders' pipeline. */
@Tag(name = "程序")
@RestController
public class ProcedureController {

    private final ProcedureService service;
    private final ProcedurePipeline pipeline;

    ProcedureController(ProcedureService service, ProcedurePipeline pipeline) {
        this.service = service;
        this.pipeline = pipeline;
    }

    @Operation(summary = "为户发起识别、退出或风险消除程序",
            responses = @ApiResponse(responseCode = "201", description = "已发起"))
    @PostMapping("/api/households/{id}/procedures")
    public ResponseEntity<ProcedureView> start(@PathVariable long id, @RequestBody ProcedureService.Start body) {
        ProcedureView v = service.start(id, body);
        return ResponseEntity.created(URI.create("/api/procedures/" + v.id())).body(v);
    }

    @Operation(summary = "列出户的程序")
    @GetMapping("/api/households/{id}/procedures")
    public List<ProcedureView> ofHousehold(@PathVariable long id) {
        return service.of(id);
    }

    @Operation(summary = "查询程序详情")
    @GetMapping("/api/procedures/{procedureId}")
    public ProcedureView get(@PathVariable long procedureId) {
        return service.get(procedureId);
    }

    @Operation(summary = "办理程序的一个步骤")
    @PostMapping("/api/procedures/{procedureId}/steps")
    public ProcedureView take(@PathVariable long procedureId, @RequestBody ProcedureService.Take body) {
        return service.take(procedureId, body);
    }

    /** @param reason why it ends without a decision */
    public record Withdrawal(String reason) {
    }

    @Operation(summary = "撤回程序（不作决定而结束）")
    @PostMapping("/api/procedures/{procedureId}/withdraw")
    public ProcedureView withdraw(@PathVariable long procedureId, @RequestBody Withdrawal body) {
        return service.withdraw(procedureId, body.reason());
    }

    /** How many procedures are at each step, and how many are overdue (leaders; a village's staff for their village). */
    @Operation(summary = "查询各步骤在办与逾期的程序数")
    @GetMapping("/api/procedures/pipeline")
    public ProcedurePipeline.Pipeline pipeline(@RequestParam(required = false) Long villageId) {
        return pipeline.pipeline(villageId);
    }

    /** Procedures in progress, optionally of one kind, at one step, or only the overdue ones; oldest due first. */
    @Operation(summary = "列出在办程序（按类型、步骤、逾期、行政村筛选）")
    @GetMapping("/api/procedures")
    public List<ProcedurePipeline.Item> list(@RequestParam(required = false) String kind,
                                             @RequestParam(required = false) String step,
                                             @RequestParam(required = false) Boolean overdue,
                                             @RequestParam(required = false) Long villageId) {
        return pipeline.items(kind, step, Boolean.TRUE.equals(overdue), villageId);
    }
}
