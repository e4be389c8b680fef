package cn.shoudi.rules.eval;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The global {@code findings} that ACTION snippets name: one map of action values per fired rule. The compiler reads
 * the values of an ACTION cell as data, so a rule calls it only when its consequence was kept as written (see
 * {@code CompiledForm}); the DRL generated from a table runs as it is with it. One instance per evaluation; not
 * thread-safe.
 */
public final class FindingCollector {

    /** A fired rule, by package and name. */
    public record RuleKey(String packageName, String ruleName) {
    }

    private final Map<RuleKey, Map<String, String>> hits = new LinkedHashMap<>();

    /** Called from a table's ACTION column: records one action value of the firing rule. */
    public void put(RuleContext kcontext, String key, String value) {
        Rule rule = kcontext.getRule();
        hits.computeIfAbsent(new RuleKey(rule.getPackageName(), rule.getName()), k -> new LinkedHashMap<>())
                .put(key, value);
    }

    Map<RuleKey, Map<String, String>> hits() {
        return hits;
    }
}
