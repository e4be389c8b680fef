package cn.shoudi.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collection;

/**
 * The fact catalogue (数据项目录) as the REST schema of recorded facts: every fact a decision table can test, with its
 * label, type, allowed values or range, unit, group, level and source; {@code field} says where a basic lives in the
 * household body, facts without it go in the {@code facts} map.
 */
@Tag(name = "户籍")
@RestController
public class FactCatalogueController {

    @Operation(summary = "查询事实目录：各项事实的名称、分组与取值")
    @GetMapping("/api/facts")
    public Collection<FactDefinition> catalogue() {
        return FactCatalogue.STANDARD.all();
    }
}
