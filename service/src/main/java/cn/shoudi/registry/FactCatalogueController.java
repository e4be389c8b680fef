package cn.shoudi.registry;

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
@RestController
public class FactCatalogueController {

    @GetMapping("/api/facts")
    public Collection<FactDefinition> catalogue() {
        return FactCatalogue.STANDARD.all();
    }
}
