package cn.shoudi.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The helper-coverage report (帮扶责任人落实情况): registered households whose assignment chain is broken at its first
 * link — no helper cadre, or a helper who has been transferred or made inactive — with where their work goes instead.
 */
@Tag(name = "户籍")
@RestController
class CoverageController {

    private final Households households;
    private final Cadres cadres;
    private final Registry registry;

    CoverageController(Households households, Cadres cadres, Registry registry) {
        this.households = households;
        this.cadres = cadres;
        this.registry = registry;
    }

    /** One household with a broken chain. */
    record Gap(long householdId, String householdNo, long villageId, long groupId, String householdClass,
               String problem, Long inactiveHelperId, String fallbackLevel, Long fallbackCadreId) {
    }

    @Operation(summary = "查询帮扶责任人落实情况：未落实帮扶责任人的户及其工作去向")
    @GetMapping("/api/reports/helper-coverage")
    @Transactional(readOnly = true)
    List<Gap> coverage(@RequestParam(required = false) Long villageId) {
        cn.shoudi.Viewer v = cn.shoudi.Viewer.current();
        if (v.limitedToVillage() != null) {
            if (villageId != null && !villageId.equals(v.limitedToVillage())) {
                throw new VillageNotFoundException(villageId);
            }
            villageId = v.limitedToVillage();
        }
        Map<Long, Cadre> byId = cadres.findAll().stream().collect(Collectors.toMap(Cadre::id, Function.identity()));
        List<Gap> gaps = new ArrayList<>();
        List<Household> scope = villageId == null ? households.findAll() : households.findByVillageIdOrderById(villageId);
        for (Household h : scope) {
            if (h.householdClass() == cn.shoudi.rules.facts.HouseholdClass.GENERAL) {
                continue;
            }
            Long helper = h.currentHelper().orElse(null);
            String problem = helper == null ? "无帮扶责任人"
                    : byId.containsKey(helper) && byId.get(helper).active() ? null : "帮扶责任人已调离或停用";
            if (problem == null) {
                continue;
            }
            Responsible fallback = registry.responsibleFor(h.id());
            gaps.add(new Gap(h.id(), h.householdNo(), h.villageId(), h.groupId(), h.householdClass().label(), problem,
                    helper, fallback.level().label(), fallback.cadreId()));
        }
        return gaps;
    }

    record Activity(boolean active) {
    }

    /** Marks a cadre active or inactive (transferred, left); inactive cadres get no new work. */
    @Operation(summary = "设置干部在岗或离岗（离岗干部不再接新任务）")
    @PutMapping("/api/cadres/{cadreId}/active")
    Cadre setActive(@PathVariable long cadreId, @RequestBody Activity body) {
        cn.shoudi.Viewer.current().requireTownshipWide();
        Cadre c = cadres.findById(cadreId).orElseThrow(() -> new InvalidHouseholdException(List.of(
                new InvalidHouseholdException.FieldProblem("cadreId", "NOT_FOUND", "干部不存在"))));
        return cadres.save(new Cadre(c.id(), c.name(), c.phone(), c.role(), c.villageId(), body.active(), c.townshipId()));
    }
}
