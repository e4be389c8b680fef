package cn.shoudi.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.shoudi.Viewer;
import cn.shoudi.registry.Registry;
import cn.shoudi.rules.facts.FactDefinition;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** REST API of the published rows' production coverage and of a household's missing facts. */
@RestController
public class RuleCoverageController {

    private final RuleCoverage coverage;
    private final Registry registry;

    RuleCoverageController(RuleCoverage coverage, Registry registry) {
        this.coverage = coverage;
        this.registry = registry;
    }

    /** Every row of the published tables with how many households it fired for and how many lack one of its facts. */
    @Tag(name = "政策")
    @Operation(summary = "查询现行决策表的规则及其命中情况")
    @GetMapping("/api/policy/rules")
    public RuleCoverage.Report rules() {
        return coverage.report();
    }

    /** The recorded facts the published rows test that this household lacks (还缺). */
    @Tag(name = "评估")
    @Operation(summary = "列出评估一户尚缺的事实")
    @GetMapping("/api/households/{id}/missing-facts")
    public List<FactDefinition> missing(@PathVariable long id) {
        registry.requireVisible(Viewer.current(), id);
        return coverage.missing(id);
    }
}
