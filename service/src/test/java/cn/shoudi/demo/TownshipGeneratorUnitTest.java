package cn.shoudi.demo;

import cn.shoudi.registry.MemberData;
import cn.shoudi.registry.TownshipData;
import cn.shoudi.registry.TownshipData.HouseholdSpec;
import cn.shoudi.rules.facts.IdNumbers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated 联合乡: deterministic, and holding the seed report's household-level figures in its data. (That the
 * default decision tables give the report's statuses on this data is shown on a real database by
 * {@code TownshipReportIntegrationTest}.)
 */
class TownshipGeneratorUnitTest {

    static TownshipData township;

    @BeforeAll
    static void generate() {
        township = TownshipGenerator.lianhe();
    }

    @Test
    void twoRunsWithTheSameSeedProduceIdenticalData() {
        assertThat(TownshipGenerator.lianhe()).isEqualTo(township);
        assertThat(new TownshipGenerator(TownshipGenerator.SEED + 1, 0, null).generate()).isNotEqualTo(township);
    }

    @Test
    void hasTheReportsVillagesGroupsHouseholdsAndPeople() {
        assertThat(township.villages()).extracting(TownshipData.VillageSpec::name)
                .containsExactly("龙池村", "同连村", "蔡家坝村", "河东村");
        assertThat(township.villages()).filteredOn(TownshipData.VillageSpec::poor).hasSize(2);
        assertThat(township.villages().stream().mapToInt(v -> v.groups().size()).sum()).isEqualTo(25);
        assertThat(township.households()).hasSize(3389);
        assertThat(people(h -> true)).isEqualTo(14256);
        assertThat(households(h -> !h.data().householdClass().equals("一般农户"))).isEqualTo(776);
        assertThat(people(h -> !h.data().householdClass().equals("一般农户"))).isEqualTo(3189);
        assertThat(households(h -> h.data().householdClass().equals("未脱贫户"))).isEqualTo(29);
        assertThat(people(h -> h.data().householdClass().equals("未脱贫户"))).isEqualTo(120);
        assertThat(households(h -> Integer.valueOf(2019).equals(h.data().housing().exitYear()))).isEqualTo(57);
        assertThat(people(h -> Integer.valueOf(2019).equals(h.data().housing().exitYear()))).isEqualTo(227);
    }

    @Test
    void everyIdNumberIsValidUniqueAndMatchesBirthDateAndSex() {
        Set<String> ids = new HashSet<>();
        for (HouseholdSpec h : township.households()) {
            assertThat(h.data().members().stream().filter(m -> "户主".equals(m.relation()))).hasSize(1);
            for (MemberData m : h.data().members()) {
                assertThat(m.idNumber()).startsWith("500243");
                assertThat(IdNumbers.problem(m.idNumber(), m.sex(), m.birthDate(), LocalDate.of(2019, 12, 31)))
                        .as(m.idNumber()).isEmpty();
                assertThat(ids.add(m.idNumber())).as("unique " + m.idNumber()).isTrue();
            }
        }
    }

    @Test
    void hasTheChildrenLedgerAndEducationAidOfTheReport() {
        LocalDate asOf = TownshipGenerator.AS_OF;
        Predicate<MemberData> child = m -> {
            int age = Period.between(m.birthDate(), asOf).getYears();
            return age >= 6 && age <= 16;
        };
        assertThat(members(h -> true, child)).isEqualTo(2269);
        assertThat(members(h -> !h.data().householdClass().equals("一般农户"), child)).isEqualTo(595);
        assertThat(members(h -> true, m -> "学前".equals(m.educationAid()))).isEqualTo(78);
        assertThat(members(h -> true, m -> "义务教育".equals(m.educationAid()))).isEqualTo(579);
        assertThat(members(h -> true, m -> "高中阶段".equals(m.educationAid()))).isEqualTo(67);
        assertThat(township.households().stream().mapToInt(h -> h.dropouts().size()).sum()).isEqualTo(5);
        assertThat(members(h -> true, m -> child.test(m) && ("辍学".equals(m.schooling())
                || "未入学".equals(m.schooling())))).isZero();
    }

    @Test
    void hasTheHousingWaterAllowanceAndJobFiguresOfTheReport() {
        assertThat(households(h -> h.data().housing().houseUse() != null)).isEqualTo(3012);
        assertThat(township.households().stream().filter(h -> h.data().housing().houseBuildings() != null)
                .mapToInt(h -> h.data().housing().houseBuildings()).sum()).isEqualTo(3150);
        for (Object[] g : new Object[][] {{"A", 2090L}, {"B", 438L}, {"C", 22L}, {"D", 16L}}) {
            assertThat(households(h -> g[0].equals(h.data().housing().houseGrade()))).as((String) g[0])
                    .isEqualTo(g[1]);
        }
        assertThat(households(h -> "临时生产用房".equals(h.data().housing().houseUse()))).isEqualTo(151);
        assertThat(households(h -> "闲置".equals(h.data().housing().houseUse()))).isEqualTo(295);
        assertThat(township.households().stream().flatMap(h -> h.works().stream())
                .filter(w -> w.kind().equals("危房改造"))).hasSize(85);
        assertThat(households(h -> h.data().housing().relocated() != null)).isEqualTo(73);
        assertThat(people(h -> h.data().housing().relocated() != null)).isEqualTo(312);
        assertThat(township.waterPoints()).hasSize(183);
        assertThat(households(h -> h.waterPointKey() != null)).isEqualTo(2775);
        assertThat(people(h -> h.waterPointKey() != null)).isEqualTo(12905);
        assertThat(households(h -> h.data().housing().lowIncomeAllowance() != null)).isEqualTo(267);
        assertThat(members(h -> true, m -> Boolean.TRUE.equals(m.lowIncomeAllowance()))).isEqualTo(606);
        assertThat(members(h -> true, m -> Boolean.TRUE.equals(m.publicWelfareJob()))).isEqualTo(58);
        assertThat(members(h -> true, m -> Boolean.TRUE.equals(m.chronicCard()))).isEqualTo(44);
        assertThat(households(h -> !h.data().householdClass().equals("一般农户") && h.helperKey() == null)).isZero();
    }

    private static long households(Predicate<HouseholdSpec> p) {
        return township.households().stream().filter(p).count();
    }

    private static long people(Predicate<HouseholdSpec> p) {
        return township.households().stream().filter(p).mapToLong(h -> h.data().members().size()).sum();
    }

    private static long members(Predicate<HouseholdSpec> p, Predicate<MemberData> m) {
        return township.households().stream().filter(p).flatMap(h -> h.data().members().stream()).filter(m).count();
    }

}
