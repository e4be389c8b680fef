package cn.shoudi.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.shoudi.Problems;
import cn.shoudi.Viewer;
import cn.shoudi.registry.Registry;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Department signals: receive one (idempotent by source event id) or a department's batch file, the batch reports, the
 * review queue, manual matching.
 */
@Tag(name = "部门信号")
@RestController
public class SignalController {

    /** JSON lines, one signal a line: the body of a batch sent without a file upload. */
    static final String NDJSON = "application/x-ndjson";

    private final SignalService service;
    private final SignalBatches batches;
    private final Registry registry;

    SignalController(SignalService service, SignalBatches batches, Registry registry) {
        this.service = service;
        this.batches = batches;
        this.registry = registry;
    }

    /** 201 for a new signal, 200 with the stored one for a repeat of the same source event. */
    @Operation(summary = "接收一条部门筛查预警信号",
            responses = {@ApiResponse(responseCode = "201", description = "新信号已接收"),
                    @ApiResponse(responseCode = "200", description = "同一来源事件重复发送，返回已存的信号")})
    @PostMapping("/api/signals")
    public ResponseEntity<Signal> receive(@RequestBody SignalService.Incoming body) {
        Viewer v = Viewer.current();
        if (v != Viewer.SYSTEM && (v.department() == null || !v.department().equals(body.source()))) {
            throw new AccessDeniedException("a department posts its own signals only");
        }
        SignalService.Received r = service.receive(body);
        return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/signals/" + r.signal().id())).body(r.signal());
    }

    /**
     * A department's batch as JSON lines in the body ({@code fileName} names it in the report): 201 with the report of
     * every record; records of another department's source are reported invalid, the others stored.
     */
    @Operation(summary = "上传部门信号批次（JSON 行或文件）",
            responses = @ApiResponse(responseCode = "201", description = "批次已接收，返回每条记录的处理结果"))
    @PostMapping(path = "/api/signals/batches", consumes = NDJSON)
    public ResponseEntity<SignalBatch> receiveBatch(@RequestBody byte[] body,
                                                    @RequestParam(required = false) String fileName) {
        return created(batches.receive(department(), Viewer.current().username(), fileName, SignalFile.Format.JSONL,
                body));
    }

    /** A department's batch as an uploaded file: .jsonl, .csv or .xlsx (see {@link SignalFile}). */
    @Operation(summary = "上传部门信号批次（JSON 行或文件）",
            responses = @ApiResponse(responseCode = "201", description = "批次已接收，返回每条记录的处理结果"))
    @PostMapping(path = "/api/signals/batches", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<SignalBatch> uploadBatch(@RequestParam("file") MultipartFile file) throws IOException {
        return created(batches.receive(department(), Viewer.current().username(), file.getOriginalFilename(),
                SignalFile.formatOf(file.getOriginalFilename()), file.getBytes()));
    }

    /** A batch's report again: a department reads its own batches, an information officer every batch. */
    @Operation(summary = "查询部门信号批次的处理报告")
    @GetMapping("/api/signals/batches/{id}")
    public SignalBatch batch(@PathVariable long id) {
        Viewer v = Viewer.current();
        boolean department = "DEPARTMENT".equals(v.role());
        return batches.find(id).filter(b -> !department || b.department().equals(v.department()))
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND,
                        "not-found", "未找到", "批次 #" + id + " 不存在"), null));
    }

    @Operation(summary = "列出待人工匹配的部门信号")
    @GetMapping("/api/signals/review")
    public List<Signal> reviewQueue() {
        return service.reviewQueue();
    }

    public record Match(long householdId) {
    }

    @Operation(summary = "把部门信号人工匹配到户")
    @PostMapping("/api/signals/{id}/match")
    public Signal match(@PathVariable long id, @RequestBody Match body) {
        Viewer v = Viewer.current();
        registry.requireVisible(v, body.householdId());
        return service.match(id, body.householdId(), v.username());
    }

    /** The department the signed-in client sends for; 403 for an account tied to none. */
    private static String department() {
        String department = Viewer.current().department();
        if (department == null) {
            throw new AccessDeniedException("a batch is sent by a department's account");
        }
        return department;
    }

    private static ResponseEntity<SignalBatch> created(SignalBatch batch) {
        return ResponseEntity.created(URI.create("/api/signals/batches/" + batch.id())).body(batch);
    }
}
