package cn.shoudi.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.shoudi.Viewer;
import cn.shoudi.registry.Registry;
import cn.shoudi.rules.eval.Evaluation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** REST API of trial evaluations (试算): nothing is stored. */
@Tag(name = "评估")
@RestController
public class TrialEvaluationController {

    private final TrialEvaluation trial;
    private final Registry registry;

    TrialEvaluationController(TrialEvaluation trial, Registry registry) {
        this.trial = trial;
        this.registry = registry;
    }

    /** What the published tables conclude for the household as of a date (default: the evaluation date). */
    @Operation(summary = "试算：按现行决策表评估一户（不保存）")
    @GetMapping("/api/households/{id}/evaluation")
    public Evaluation evaluate(@PathVariable long id,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate asOf) {
        registry.requireVisible(Viewer.current(), id);
        return trial.evaluate(id, asOf);
    }
}
