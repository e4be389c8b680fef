package cn.shoudi.registry;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** REST API of households: create, replace, read, change the helper cadre. */
@RestController
@RequestMapping("/api/households")
class HouseholdController {

    private final HouseholdService service;
    private final Households households;

    HouseholdController(HouseholdService service, Households households) {
        this.service = service;
        this.households = households;
    }

    @PostMapping
    ResponseEntity<HouseholdView> create(@RequestBody HouseholdData data) {
        Household h = service.register(data);
        return ResponseEntity.created(URI.create("/api/households/" + h.id())).eTag(String.valueOf(h.version()))
                .body(HouseholdView.of(h));
    }

    @PutMapping("/{id}")
    ResponseEntity<HouseholdView> update(@PathVariable long id, @RequestBody HouseholdData data) {
        Household h = service.update(id, data);
        return ResponseEntity.ok().eTag(String.valueOf(h.version())).body(HouseholdView.of(h));
    }

    @GetMapping("/{id}")
    ResponseEntity<HouseholdView> get(@PathVariable long id) {
        Household h = service.find(id);
        return ResponseEntity.ok().eTag(String.valueOf(h.version())).body(HouseholdView.of(h));
    }

    @GetMapping
    List<HouseholdView> byVillage(@RequestParam long villageId) {
        return households.findByVillageIdOrderById(villageId).stream().map(HouseholdView::of).toList();
    }

    /** Body of a helper change. */
    record HelperChange(long cadreId, Long version) {
    }

    @PutMapping("/{id}/helper")
    HouseholdView assignHelper(@PathVariable long id, @RequestBody HelperChange change) {
        return HouseholdView.of(service.assignHelper(id, change.cadreId(), change.version()));
    }
}
