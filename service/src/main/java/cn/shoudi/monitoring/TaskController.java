package cn.shoudi.monitoring;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** REST API of monitoring tasks: a cadre's open tasks, a household's tasks. */
@RestController
class TaskController {

    private final Tasks tasks;
    private final Clock clock;

    TaskController(Tasks tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The cadre's open tasks, soonest due first. */
    @GetMapping("/api/cadres/{cadreId}/tasks")
    List<TaskView> cadreTasks(@PathVariable long cadreId) {
        LocalDate today = LocalDate.now(clock);
        return tasks.findOpenByAssignee(cadreId).stream().map(t -> TaskView.of(t, today)).toList();
    }

    /** Every task of a household, open or not, oldest first. */
    @GetMapping("/api/households/{householdId}/tasks")
    List<TaskView> householdTasks(@PathVariable long householdId) {
        LocalDate today = LocalDate.now(clock);
        return tasks.findByHouseholdIdOrderById(householdId).stream().map(t -> TaskView.of(t, today)).toList();
    }
}
