package cn.shoudi.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** REST API of visits outside tasks: a household's regular visits with the measures implemented. */
@Tag(name = "监测任务")
@RestController
public class HouseholdVisitController {

    private final HouseholdVisits visits;

    HouseholdVisitController(HouseholdVisits visits) {
        this.visits = visits;
    }

    @Operation(summary = "登记对户的入户走访",
            responses = @ApiResponse(responseCode = "201", description = "已登记走访"))
    @PostMapping("/api/households/{id}/visits")
    public ResponseEntity<HouseholdVisits.VisitView> record(@PathVariable long id,
                                                            @RequestBody TaskCommands.VisitData body) {
        HouseholdVisits.VisitView v = visits.record(id, body);
        return ResponseEntity.created(URI.create("/api/households/" + id + "/visits")).body(v);
    }

    @Operation(summary = "列出户的走访记录")
    @GetMapping("/api/households/{id}/visits")
    public List<HouseholdVisits.VisitView> list(@PathVariable long id) {
        return visits.of(id);
    }
}
