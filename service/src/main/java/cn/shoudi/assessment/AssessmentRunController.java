package cn.shoudi.assessment;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** REST API of full re-evaluations: start one, follow its progress. */
@Tag(name = "评估")
@RestController
class AssessmentRunController {

    private final ReEvaluation reEvaluation;

    AssessmentRunController(ReEvaluation reEvaluation) {
        this.reEvaluation = reEvaluation;
    }

    @Schema(name = "AssessmentRunStart")
    record Start(String reason) {
    }

    @Operation(summary = "启动全乡镇重新评估",
            responses = @ApiResponse(responseCode = "202", description = "已开始，Location 指向进度"))
    @PostMapping("/api/assessment-runs")
    ResponseEntity<AssessmentRunView> start(@RequestBody(required = false) Start body) {
        AssessmentRunView run = reEvaluation.start(body == null ? null : body.reason());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/assessment-runs/" + run.id()))
                .body(run);
    }

    @Operation(summary = "查询重新评估的进度与结果")
    @GetMapping("/api/assessment-runs/{id}")
    ResponseEntity<AssessmentRunView> get(@PathVariable long id) {
        return ResponseEntity.of(reEvaluation.find(id));
    }

    @Operation(summary = "列出重新评估记录")
    @GetMapping("/api/assessment-runs")
    List<AssessmentRunView> all() {
        return reEvaluation.all();
    }
}
