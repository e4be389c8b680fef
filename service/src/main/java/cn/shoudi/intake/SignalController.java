package cn.shoudi.intake;

import cn.shoudi.Viewer;
import org.springframework.security.access.AccessDeniedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Department signals: receive (idempotent by source event id), the review queue, manual matching. */
@RestController
public class SignalController {

    private final SignalService service;

    private final cn.shoudi.registry.Registry registry;

    SignalController(SignalService service, cn.shoudi.registry.Registry registry) {
        this.registry = registry;
        this.service = service;
    }

    /** 201 for a new signal, 200 with the stored one for a repeat of the same source event. */
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

    @GetMapping("/api/signals/review")
    public List<Signal> reviewQueue() {
        return service.reviewQueue();
    }

    public record Match(long householdId) {
    }

    @PostMapping("/api/signals/{id}/match")
    public Signal match(@PathVariable long id, @RequestBody Match body) {
        Viewer v = Viewer.current();
        registry.requireVisible(v, body.householdId());
        return service.match(id, body.householdId(), v.username());
    }
}
