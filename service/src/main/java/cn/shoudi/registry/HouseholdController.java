package cn.shoudi.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.shoudi.AuditTrail;
import cn.shoudi.Viewer;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import cn.shoudi.rules.facts.FactGroup;

/** REST API of households: create, replace, read, change the helper cadre. */
@Tag(name = "户籍")
@RestController
@RequestMapping("/api/households")
public class HouseholdController {

    private final HouseholdService service;
    private final Households households;
    private final MembershipService membership;
    private final Registry registry;
    private final AuditTrail audit;

    HouseholdController(HouseholdService service, Households households, MembershipService membership,
                        Registry registry, AuditTrail audit) {
        this.registry = registry;
        this.audit = audit;
        this.membership = membership;
        this.service = service;
        this.households = households;
    }

    @Operation(summary = "登记新户（含家庭成员）",
            responses = @ApiResponse(responseCode = "201", description = "已登记"))
    @PostMapping
    public ResponseEntity<HouseholdView> create(@RequestBody HouseholdData data) {
        requireOwnVillage(data);
        Household h = service.register(data);
        return ResponseEntity.created(URI.create("/api/households/" + h.id())).eTag(String.valueOf(h.version()))
                .body(HouseholdView.of(h));
    }

    @Operation(summary = "整户修改户信息")
    @PutMapping("/{id}")
    public ResponseEntity<HouseholdView> update(@PathVariable long id, @RequestBody HouseholdData data) {
        registry.requireVisible(Viewer.current(), id);
        requireOwnVillage(data);
        Household h = service.update(id, data);
        return ResponseEntity.ok().eTag(String.valueOf(h.version())).body(HouseholdView.of(h));
    }

    /**
     * A partial update of recorded facts (入户调查 survey, one group at a time).
     *
     * @param version the version the client read, optional (409 when stale)
     * @param group   the group's Chinese name (e.g. 七不进情形) or constant; keys of another group are refused; optional
     * @param values  catalogue key → value, null clears
     */
    public record FactUpdate(Long version, String group, Map<String, Object> values) {
    }

    @Operation(summary = "记录入户调查事实（按组部分更新）")
    @PatchMapping("/{id}/facts")
    public ResponseEntity<HouseholdView> recordFacts(@PathVariable long id, @RequestBody FactUpdate update) {
        registry.requireVisible(Viewer.current(), id);
        FactGroup group = update.group() == null || update.group().isBlank() ? null
                : FactGroup.parse(update.group().trim()).orElseThrow(() ->
                new InvalidHouseholdException(List.of(new InvalidHouseholdException.FieldProblem("group", "INVALID",
                        "未知的数据项分组「" + update.group() + "」"))));
        Household h = service.recordFacts(id, update.version(), group, update.values());
        return ResponseEntity.ok().eTag(String.valueOf(h.version())).body(HouseholdView.of(h));
    }

    /** Who changed which recorded fact of the household, when, from what to what; newest first. */
    @Operation(summary = "查询户事实的修改记录")
    @GetMapping("/{id}/fact-history")
    public List<FactHistory.Change> factHistory(@PathVariable long id) {
        registry.requireVisible(Viewer.current(), id);
        return service.factHistory(id);
    }

    @Operation(summary = "查询一户")
    @GetMapping("/{id}")
    public ResponseEntity<HouseholdView> get(@PathVariable long id) {
        registry.requireVisible(Viewer.current(), id);
        Household h = service.find(id);
        return ResponseEntity.ok().eTag(String.valueOf(h.version())).body(HouseholdView.of(h));
    }

    @Operation(summary = "按行政村列出户")
    @GetMapping
    public List<HouseholdView> byVillage(@RequestParam long villageId) {
        Viewer v = Viewer.current();
        if (v.limitedToVillage() != null && v.limitedToVillage() != villageId) {
            throw new VillageNotFoundException(villageId);
        }
        return households.findByVillageIdOrderById(villageId).stream()
                .filter(h -> !v.isCadre() || registry.visible(v, h.id())).map(HouseholdView::of).toList();
    }

    /**
     * The full ID number of a member (index from 0, as in {@code members}): the explicit, audited show action; every
     * other response masks it.
     */
    @Operation(summary = "查看家庭成员的完整身份证号（留痕）")
    @GetMapping("/{id}/members/{index}/id-number")
    public Map<String, String> idNumber(@PathVariable long id, @PathVariable int index) {
        registry.requireVisible(Viewer.current(), id);
        List<Member> members = service.find(id).members();
        if (index < 0 || index >= members.size()) {
            throw new HouseholdNotFoundException(id);
        }
        Member m = members.get(index);
        audit.record(AuditTrail.Action.SHOW_ID, "household " + id + " member " + index, "OK", m.name());
        return Map.of("name", m.name(), "idNumber", m.idNumber() == null ? "" : m.idNumber());
    }

    /** Records a birth, death, marriage in/out or move away/back; the household is re-evaluated. */
    @Operation(summary = "登记家庭成员变动（出生、死亡、婚嫁、迁出迁入）")
    @PostMapping("/{id}/member-events")
    public HouseholdView memberEvent(@PathVariable long id, @RequestBody MemberChange change) {
        registry.requireVisible(Viewer.current(), id);
        return HouseholdView.of(membership.change(id, change));
    }

    /** Splits members off into a new household (分户). */
    @Operation(summary = "分户：把部分成员分出为新户")
    @PostMapping("/{id}/split")
    public HouseholdView split(@PathVariable long id, @RequestBody MembershipService.Split split) {
        registry.requireVisible(Viewer.current(), id);
        return HouseholdView.of(membership.split(id, split));
    }

    /** Merges another household into this one (合户). */
    @Operation(summary = "合户：把另一户并入本户")
    @PostMapping("/{id}/merge")
    public HouseholdView merge(@PathVariable long id, @RequestBody MembershipService.Merge merge) {
        registry.requireVisible(Viewer.current(), id);
        registry.requireVisible(Viewer.current(), merge.otherHouseholdId());
        return HouseholdView.of(membership.merge(id, merge));
    }

    /** A village's staff register and move households only within their village (answered as a missing village). */
    private static void requireOwnVillage(HouseholdData data) {
        Long own = Viewer.current().limitedToVillage();
        if (own != null && data.villageId() != null && !own.equals(data.villageId())) {
            throw new InvalidHouseholdException(List.of(new InvalidHouseholdException.FieldProblem("villageId",
                    "NOT_FOUND", "行政村不存在")));
        }
    }

    /** Body of a helper change. */
    public record HelperChange(long cadreId, Long version) {
    }

    @Operation(summary = "更换户的帮扶责任人")
    @PutMapping("/{id}/helper")
    public HouseholdView assignHelper(@PathVariable long id, @RequestBody HelperChange change) {
        registry.requireVisible(Viewer.current(), id);
        return HouseholdView.of(service.assignHelper(id, change.cadreId(), change.version()));
    }
}
