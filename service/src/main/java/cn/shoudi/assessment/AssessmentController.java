package cn.shoudi.assessment;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** REST API of a household's assessment history. */
@RestController
class AssessmentController {

    private final AssessmentHistory history;

    AssessmentController(AssessmentHistory history) {
        this.history = history;
    }

    /** The household's assessments, newest first, each with what changed since the previous one. */
    @GetMapping("/api/households/{id}/assessments")
    List<AssessmentView> history(@PathVariable long id) {
        return history.history(id);
    }
}
