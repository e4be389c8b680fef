package cn.shoudi.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** REST API of a household's assessment history. */
@Tag(name = "评估")
@RestController
public class AssessmentController {

    private final AssessmentHistory history;

    private final cn.shoudi.registry.Registry registry;

    AssessmentController(AssessmentHistory history, cn.shoudi.registry.Registry registry) {
        this.registry = registry;
        this.history = history;
    }

    /** The household's assessments, newest first, each with what changed since the previous one. */
    @Operation(summary = "查询户的评估历史")
    @GetMapping("/api/households/{id}/assessments")
    public List<AssessmentView> history(@PathVariable long id) {
        registry.requireVisible(cn.shoudi.Viewer.current(), id);
        return history.history(id);
    }
}
