package cn.shoudi.registry;

import cn.shoudi.demo.TownshipGenerator;
import cn.shoudi.rules.facts.HouseholdInput;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import cn.shoudi.SiblingDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set loader that full re-evaluations read pages with gives every household of the demo township exactly the
 * rules' input, number, version, village and group that its aggregate, loaded whole by Spring Data JDBC, gives; a
 * helper change, a merged household and the 监测对象 of the 两摸底 lists (with the measures count the registry
 * supplies) included.
 */
@SpringBootTest(properties = {"shoudi.demo.enabled=false"})
class RulesInputsIntegrationTest {

    @Autowired
    TownshipLoader loader;
    @Autowired
    Households households;
    @Autowired
    Registry registry;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
        SiblingDatabase.register(registry, "rules_inputs");
    }

    @Test
    void everyHouseholdIsReadAsItsAggregateReadsIt() {
        loader.load(new TownshipGenerator(TownshipGenerator.SEED, 0, new HashSet<>()).generate());
        List<Long> ids = jdbc.sql("SELECT id FROM registry_household ORDER BY id").query(Long.class).list();
        assertThat(ids).hasSize(3389);
        // a helper handed over (the old period ended) and a household merged into another
        Household handedOver = households.findById(ids.get(10)).orElseThrow();
        long otherHelper = jdbc.sql("SELECT id FROM registry_cadre WHERE role = 'HELPER' ORDER BY id DESC LIMIT 1")
                .query(Long.class).single();
        handedOver.assignHelper(otherHelper, LocalDate.of(2019, 6, 1));
        households.save(handedOver);
        jdbc.sql("UPDATE registry_household SET status = 'MERGED', merged_into = ? WHERE id = ?")
                .params(ids.get(0), ids.get(1)).update();

        Map<Long, HouseholdSnapshot> loaded = registry.snapshots(ids).stream()
                .collect(Collectors.toMap(HouseholdSnapshot::householdId, Function.identity()));
        assertThat(loaded).hasSize(3388).doesNotContainKey(ids.get(1));
        int compared = 0;
        int monitored = 0;
        for (Household h : households.findAllById(ids)) {
            if (!h.active()) {
                continue;
            }
            HouseholdInput expected = h.toRulesInput();
            if (h.status().monitored()) {
                // the registry supplies a 监测对象's count of measures (none yet after the load)
                expected = expected.withDetails(expected.details().with(RulesInputs.MEASURES, 0));
                monitored++;
            }
            HouseholdSnapshot s = loaded.get(h.id());
            assertThat(s).as("household %d", h.id()).isEqualTo(new HouseholdSnapshot(h.id(), h.householdNo(),
                    h.version(), h.villageId(), h.groupId(), expected));
            compared++;
        }
        assertThat(compared).isEqualTo(3388);
        assertThat(monitored).isEqualTo(30);
        assertThat(registry.snapshot(ids.get(10)).orElseThrow().input().details().values().get("helperAssigned"))
                .isEqualTo(true);
        assertThat(registry.snapshot(ids.get(1))).as("merged: not evaluated").isEmpty();
        assertThat(loaded.values().stream().filter(s -> !s.input().members().isEmpty()).count()).isEqualTo(3388);
    }
}
