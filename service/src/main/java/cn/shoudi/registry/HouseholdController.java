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
    private final MembershipService membership;

    HouseholdController(HouseholdService service, Households households, MembershipService membership) {
        this.membership = membership;
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

    /** Records a birth, death, marriage in/out or move away/back; the household is re-evaluated. */
    @PostMapping("/{id}/member-events")
    HouseholdView memberEvent(@PathVariable long id, @RequestBody MembershipService.Change change) {
        return HouseholdView.of(membership.change(id, change));
    }

    /** Splits members off into a new household (分户). */
    @PostMapping("/{id}/split")
    HouseholdView split(@PathVariable long id, @RequestBody MembershipService.Split split) {
        return HouseholdView.of(membership.split(id, split));
    }

    /** Merges another household into this one (合户). */
    @PostMapping("/{id}/merge")
    HouseholdView merge(@PathVariable long id, @RequestBody MembershipService.Merge merge) {
        return HouseholdView.of(membership.merge(id, merge));
    }

    /** Body of a helper change. */
    record HelperChange(long cadreId, Long version) {
    }

    @PutMapping("/{id}/helper")
    HouseholdView assignHelper(@PathVariable long id, @RequestBody HelperChange change) {
        return HouseholdView.of(service.assignHelper(id, change.cadreId(), change.version()));
    }
}
