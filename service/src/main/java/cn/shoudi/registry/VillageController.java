package cn.shoudi.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** REST API of villages (行政村), their villager groups (村民小组) and cadres (干部). */
@Tag(name = "户籍")
@RestController
@RequestMapping("/api")
class VillageController {

    private final Villages villages;
    private final VillagerGroups groups;
    private final Cadres cadres;

    VillageController(Villages villages, VillagerGroups groups, Cadres cadres) {
        this.villages = villages;
        this.groups = groups;
        this.cadres = cadres;
    }

    record VillageView(long id, String code, String name, boolean poorVillage, List<VillagerGroup> groups) {
    }

    record NewVillage(String code, String name, boolean poorVillage) {
    }

    record NewGroup(String name, Long cadreId) {
    }

    record NewCadre(String name, String phone, CadreRole role, Long villageId) {
    }

    @Operation(summary = "列出行政村及其村民小组")
    @GetMapping("/villages")
    List<VillageView> villages() {
        return villages.findAll().stream().map(v -> new VillageView(v.id(), v.code(), v.name(), v.poorVillage(),
                groups.findByVillageIdOrderById(v.id()))).toList();
    }

    @Operation(summary = "新增行政村")
    @PostMapping("/villages")
    @ResponseStatus(HttpStatus.CREATED)
    Village createVillage(@RequestBody NewVillage v) {
        cn.shoudi.Viewer.current().requireTownshipWide();
        require(v.code() != null && !v.code().isBlank(), "code", "村编码不能为空");
        require(v.name() != null && !v.name().isBlank(), "name", "村名称不能为空");
        return villages.save(new Village(null, v.code().trim(), v.name().trim(), v.poorVillage(), null));
    }

    @Operation(summary = "新增村民小组")
    @PostMapping("/villages/{villageId}/groups")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    VillagerGroup createGroup(@PathVariable long villageId, @RequestBody NewGroup g) {
        cn.shoudi.Viewer.current().requireTownshipWide();
        require(villages.existsById(villageId), "villageId", "行政村不存在");
        require(g.name() != null && !g.name().isBlank(), "name", "村民小组名称不能为空");
        require(g.cadreId() == null || cadres.existsById(g.cadreId()), "cadreId", "驻组干部不存在");
        return groups.save(new VillagerGroup(null, villageId, g.name().trim(), g.cadreId()));
    }

    @Operation(summary = "列出干部")
    @GetMapping("/cadres")
    List<Cadre> cadres() {
        Long village = cn.shoudi.Viewer.current().limitedToVillage();
        return cadres.findAll().stream().filter(c -> village == null || village.equals(c.villageId())).toList();
    }


    @Operation(summary = "新增干部")
    @PostMapping("/cadres")
    @ResponseStatus(HttpStatus.CREATED)
    Cadre createCadre(@RequestBody NewCadre c) {
        cn.shoudi.Viewer.current().requireTownshipWide();
        require(c.name() != null && !c.name().isBlank(), "name", "干部姓名不能为空");
        require(c.role() != null, "role", "干部角色不能为空");
        require(c.villageId() == null || villages.existsById(c.villageId()), "villageId", "行政村不存在");
        return cadres.save(new Cadre(null, c.name().trim(), c.phone(), c.role(), c.villageId(), true, null));
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new InvalidHouseholdException(List.of(new InvalidHouseholdException.FieldProblem(field,
                    "INVALID", message)));
        }
    }
}
