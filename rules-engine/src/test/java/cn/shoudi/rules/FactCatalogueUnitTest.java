package cn.shoudi.rules;

import cn.shoudi.rules.facts.Fact;
import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition;
import cn.shoudi.rules.facts.FactDefinition.Level;
import cn.shoudi.rules.facts.FactGroup;
import cn.shoudi.rules.facts.FactHelper;
import cn.shoudi.rules.facts.FactSource;
import cn.shoudi.rules.facts.FactType;
import cn.shoudi.rules.facts.HouseholdFacts;
import cn.shoudi.rules.table.DecisionTable;
import cn.shoudi.rules.table.Policy;
import cn.shoudi.rules.table.RuleInfo;
import cn.shoudi.rules.table.RuleRow;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The fact catalogue agrees with the facts tables can test and with itself. */
class FactCatalogueUnitTest {

    private static final FactCatalogue STANDARD = FactCatalogue.STANDARD;

    private static FactDefinition fact(String key, FactSource source, String... derivedFrom) {
        return new FactDefinition(key, key, Level.HOUSEHOLD, FactGroup.BASIC, FactType.BOOLEAN, List.of(), null, null,
                "", source, List.of(derivedFrom), null, "", "");
    }

    private static String property(Method getter) {
        String n = getter.getName();
        int from = n.startsWith("is") ? 2 : 3;
        return Character.toLowerCase(n.charAt(from)) + n.substring(from + 1);
    }

    @Test
    void everyFactAndHelperOfHouseholdFactsHasACatalogueEntry() {
        List<Method> methods = Arrays.asList(HouseholdFacts.class.getMethods());
        List<String> facts = methods.stream().filter(m -> m.isAnnotationPresent(Fact.class))
                .map(FactCatalogueUnitTest::property).toList();
        List<String> helperTargets = methods.stream().filter(m -> m.isAnnotationPresent(FactHelper.class))
                .map(m -> m.getAnnotation(FactHelper.class).value()).toList();

        assertThat(facts).isNotEmpty().allSatisfy(k -> assertThat(STANDARD.get(k)).as(k).isPresent());
        assertThat(helperTargets).isNotEmpty().allSatisfy(k -> assertThat(STANDARD.get(k)).as(k).isPresent())
                .allSatisfy(k -> assertThat(HouseholdFacts.INPUT_NAMES).as(k).containsKey(k));
    }

    @Test
    void everyDerivedFactIsComputedFromCatalogueEntriesWithoutACycle() {
        for (FactDefinition d : STANDARD.all()) {
            assertThat(d.derivedFrom().isEmpty()).as(d.key()).isEqualTo(d.source() != FactSource.DERIVED);
            assertThat(d.derivedFrom()).as(d.key()).allSatisfy(k -> assertThat(STANDARD.get(k)).as(k).isPresent());
            assertThat(reachesItself(d.key(), d.derivedFrom(), new HashSet<>())).as(d.key() + " cycle").isFalse();
        }
    }

    private static boolean reachesItself(String start, Collection<String> inputs, Set<String> seen) {
        for (String k : inputs) {
            if (k.equals(start)) {
                return true;
            }
            if (seen.add(k) && STANDARD.get(k).map(d -> reachesItself(start, d.derivedFrom(), seen)).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyChoiceFactHasAllowedValuesAndEveryLabelIsUnique() {
        assertThat(STANDARD.all()).filteredOn(d -> d.type() == FactType.CHOICE || d.type() == FactType.CHOICES)
                .isNotEmpty().allSatisfy(d -> assertThat(d.allowed()).as(d.key()).isNotEmpty());
        assertThat(STANDARD.all().stream().map(FactDefinition::label)).doesNotHaveDuplicates();
    }

    @Test
    void everyFactTheShippedTablesTestHasASource() {
        Policy policy = PolicyFixtures.shippedPolicy();
        Set<String> tested = new TreeSet<>();
        for (DecisionTable t : policy.tables()) {
            for (RuleRow row : t.rules()) {
                tested.addAll(policy.rule(t.packageName(), row.code()).map(RuleInfo::testedFacts).orElseThrow());
            }
        }

        assertThat(tested).isNotEmpty().allSatisfy(k -> assertThat(STANDARD.hasSource(k)).as(k).isTrue());
    }

    @Test
    void aDerivedFactHasASourceExactlyWhenEveryInputHasOne() {
        FactCatalogue catalogue = new FactCatalogue(List.of(
                fact("recorded", FactSource.REGISTRY), fact("signalled", FactSource.SIGNAL),
                fact("left", FactSource.DERIVED, "recorded"),
                fact("right", FactSource.DERIVED, "recorded", "signalled"),
                fact("diamond", FactSource.DERIVED, "left", "right"), fact("none", FactSource.NONE),
                fact("partly", FactSource.DERIVED, "diamond", "none", "unknown"),
                fact("fromNothing", FactSource.DERIVED), fact("loopA", FactSource.DERIVED, "loopB"),
                fact("loopB", FactSource.DERIVED, "loopA")));

        assertThat(catalogue.hasSource("diamond")).isTrue();
        assertThat(catalogue.unsourced("partly")).containsExactly("none", "unknown");
        assertThat(catalogue.unsourced("fromNothing")).containsExactly("fromNothing");
        assertThat(catalogue.unsourced("loopA")).containsExactly("loopA");
        assertThat(catalogue.hasSource("unknown")).isFalse();
    }
}
