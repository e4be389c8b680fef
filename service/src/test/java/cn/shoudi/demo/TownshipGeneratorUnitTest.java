package cn.shoudi.demo;

import cn.shoudi.registry.DecisionKind;
import cn.shoudi.registry.MemberData;
import cn.shoudi.registry.TownshipData;
import cn.shoudi.registry.TownshipData.HouseholdSpec;
import cn.shoudi.rules.facts.IdNumbers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

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

    @Test
    void hasAFewSevenExclusionCasesAllAmongWellOffGeneralHouseholds() {
        Map<String, Predicate<HouseholdSpec>> cases = Map.of(
                "car", h -> decimal(h, "vehicleValue").compareTo(BigDecimal.valueOf(30_000)) >= 0,
                "company", h -> Boolean.TRUE.equals(fact(h, "runsEnterprise")),
                "town flat", h -> Boolean.TRUE.equals(fact(h, "townPropertyOrShop")),
                "new house", h -> fact(h, "houseAcquiredYear") != null && (Integer) fact(h, "houseAcquiredYear") >= 2014
                        && Boolean.FALSE.equals(fact(h, "houseAcquisitionExempt")),
                "away", h -> fact(h, "awayMonths") != null && (Integer) fact(h, "awayMonths") >= 12
                        && Boolean.TRUE.equals(fact(h, "incomeAboveLocalAverage")),
                "village cadre", h -> h.data().members().stream().anyMatch(m -> Boolean.TRUE.equals(
                        memberFact(m, "villageCadre"))),
                "public employee", h -> h.data().members().stream().anyMatch(m -> Boolean.TRUE.equals(
                        memberFact(m, "publicEmployee"))));
        Set<String> excluded = new HashSet<>();
        cases.forEach((name, test) -> {
            List<HouseholdSpec> hits = township.households().stream().filter(test).toList();
            assertThat(hits).as(name).hasSizeBetween(1, 15).allSatisfy(h -> {
                assertThat(h.data().householdClass()).isEqualTo("一般农户");
                assertThat(perCapita(h)).isGreaterThanOrEqualTo(15_000);
            });
            hits.forEach(h -> excluded.add(h.data().householdNo()));
        });
        assertThat(excluded).hasSizeBetween(5, 15);
        assertThat(township.households()).filteredOn(h -> h.data().householdClass().equals("一般农户")
                && !excluded.contains(h.data().householdNo())).allSatisfy(h -> {
                    assertThat(decimal(h, "vehicleValue")).isZero();
                    for (String key : List.of("runsEnterprise", "townPropertyOrShop", "highStandardRenovation",
                            "shipOrLargeMachinery")) {
                        assertThat(fact(h, key)).as(key).isEqualTo(false);
                    }
                });
    }

    @Test
    void pipesWaterToExactlyTheHouseholdsTheWaterPointsServe() {
        Set<String> piped = township.households().stream().filter(h -> Boolean.TRUE.equals(fact(h, "waterPiped")))
                .map(h -> h.data().householdNo()).collect(Collectors.toSet());
        Set<String> served = township.households().stream().filter(h -> h.waterPointKey() != null)
                .map(h -> h.data().householdNo()).collect(Collectors.toSet());
        assertThat(piped).hasSize(2775).isEqualTo(served);
        Map<String, Long> withWaterFacts = township.households().stream().filter(h -> fact(h, "waterPiped") != null
                && fact(h, "waterLitresPerPersonDay") != null && fact(h, "fetchMinutes") != null
                && fact(h, "waterOutageDays") != null && Boolean.FALSE.equals(fact(h, "dryArea")))
                .collect(Collectors.groupingBy(HouseholdSpec::villageCode, Collectors.counting()));
        assertThat(withWaterFacts).hasSize(4);
        assertThat(township.households()).filteredOn(h -> h.waterPointKey() == null).allSatisfy(h -> {
            assertThat((Integer) fact(h, "fetchHorizontalMetres")).isBetween(1, 800);
            assertThat((Integer) fact(h, "waterLitresPerPersonDay")).isGreaterThanOrEqualTo(35);
        });
        assertThat(households(h -> Boolean.TRUE.equals(fact(h, "foodSecure"))
                && Boolean.TRUE.equals(fact(h, "clothingSecure")) && Boolean.TRUE.equals(fact(h, "electricity"))))
                .isEqualTo(3389);
    }

    @Test
    void everyHouseholdsIncomeComponentsAddUpToItsNetIncome() {
        assertThat(township.households()).allSatisfy(h -> {
            BigDecimal sum = decimal(h, "wageIncome").add(decimal(h, "businessIncome"))
                    .add(decimal(h, "transferIncome")).add(decimal(h, "propertyIncome"))
                    .subtract(decimal(h, "productionCost"));
            assertThat(sum).as(h.data().householdNo()).isEqualByComparingTo(h.data().netIncome());
            assertThat(decimal(h, "wageIncome").signum()).isNotNegative();
            assertThat(decimal(h, "productionCost").signum()).isNotNegative();
            assertThat(fact(h, "stableIncomeSource")).isNotNull();
        });
    }

    @Test
    void membersHaveInsuranceWorkAndASchoolStageThatFitsTheirAge() {
        LocalDate asOf = TownshipGenerator.AS_OF;
        for (HouseholdSpec h : township.households()) {
            for (MemberData m : h.data().members()) {
                int age = Period.between(m.birthDate(), asOf).getYears();
                assertThat(memberFact(m, "seriousIllnessInsured")).isEqualTo(m.medicalInsured());
                Object stage = memberFact(m, "schoolStage");
                if ("小学".equals(stage)) {
                    assertThat(age).isBetween(6, 12);
                } else if ("初中".equals(stage)) {
                    assertThat(age).isBetween(12, 15);
                } else if ("高中".equals(stage) || "中职".equals(stage)) {
                    assertThat(age).isBetween(15, 18);
                } else if ("学前".equals(stage)) {
                    assertThat(age).isBetween(3, 5);
                }
                assertThat(stage != null).as(m.name()).isEqualTo("在校".equals(m.schooling())
                        || "学前".equals(m.schooling()) || "送教上门".equals(m.schooling()));
                if (age >= 6 && age <= 16) {
                    assertThat(memberFact(m, "healthExempt")).isEqualTo(false);
                }
            }
        }
        assertThat(members(h -> true, m -> Boolean.TRUE.equals(memberFact(m, "employed")))).isPositive();
    }

    @Test
    void recordsThe2019StatusesAsDecisionsOfTheDynamicAdjustmentAndTheTwoSurveyLists() {
        Predicate<HouseholdSpec> registeredRecord = h -> h.decisions().stream().anyMatch(d ->
                d.kind() == DecisionKind.REGISTERED && d.effectiveOn().equals(TownshipGenerator.ADJUSTMENT_2019)
                        && "2019年扶贫对象动态调整".equals(d.reference()));
        assertThat(households(registeredRecord)).isEqualTo(776);
        assertThat(households(h -> registeredRecord.test(h) == "一般农户".equals(h.data().householdClass()))).isZero();
        Predicate<HouseholdSpec> unstable = entered("脱贫不稳定户", "2019年两摸底：脱贫不稳定户摸底名单");
        Predicate<HouseholdSpec> edge = entered("边缘易致贫户", "2019年两摸底：边缘户摸底名单");
        assertThat(households(unstable)).isEqualTo(16);
        assertThat(people(unstable)).isEqualTo(54);
        assertThat(households(unstable.and(h -> h.data().householdClass().equals("脱贫户")))).isEqualTo(16);
        assertThat(households(edge)).isEqualTo(14);
        assertThat(people(edge)).isEqualTo(46);
        assertThat(households(edge.and(h -> h.data().householdClass().equals("一般农户")
                && h.decisions().size() == 1))).isEqualTo(14);
        assertThat(households(h -> h.decisions().stream().anyMatch(d -> d.kind() == DecisionKind.ENTERED_MONITORING)))
                .isEqualTo(30);
        assertThat(households(h -> h.decisions().stream().anyMatch(d -> d.kind() != DecisionKind.REGISTERED
                && d.kind() != DecisionKind.ENTERED_MONITORING))).isZero();
    }

    @Test
    void theScriptedHistoryCastsFiveDifferentHouseholdsThatFitTheirParts() {
        DemoHistory.Cast cast = DemoHistory.Cast.of(township);
        assertThat(List.of(cast.recovered(), cast.unstable(), cast.withoutLabour(), cast.flooded(), cast.fallen()))
                .doesNotHaveDuplicates();
        assertThat(cast.fallen().data().householdClass()).isEqualTo("脱贫户");
        assertThat(cast.fallen().helperKey()).isEqualTo(TownshipGenerator.CODE + "201-H0");
        assertThat(cast.fallen().decisions()).extracting(TownshipData.StatusRecord::kind)
                .containsExactly(DecisionKind.REGISTERED);
        assertThat(cast.recovered().data().householdClass()).isEqualTo("一般农户");
        assertThat(cast.recovered().decisions()).isEmpty();
        assertThat(cast.flooded().decisions()).isEmpty();
        assertThat(cast.unstable().decisions()).extracting(TownshipData.StatusRecord::category)
                .containsExactly(null, "脱贫不稳定户");
        assertThat(cast.withoutLabour().data().householdClass()).isEqualTo("脱贫户");
        assertThat(cast.withoutLabour().decisions()).extracting(TownshipData.StatusRecord::kind)
                .containsExactly(DecisionKind.REGISTERED);
        assertThat(cast.withoutLabour().data().members()).isNotEmpty().allSatisfy(m ->
                assertThat(m.labour()).isIn("丧失劳动力", "无劳动力"));
        assertThat(cast.unstable().data().members()).anySatisfy(m ->
                assertThat(m.labour()).isIn("普通劳动力", "技能劳动力"));
        assertThat(DemoHistory.Cast.of(TownshipGenerator.lianhe())).isEqualTo(cast);
    }

    private static Predicate<HouseholdSpec> entered(String category, String reference) {
        return h -> h.decisions().stream().anyMatch(d -> d.kind() == DecisionKind.ENTERED_MONITORING
                && d.effectiveOn().equals(TownshipGenerator.SURVEY_2019) && category.equals(d.category())
                && reference.equals(d.reference()));
    }

    private static Object fact(HouseholdSpec h, String key) {
        return h.data().facts() == null ? null : h.data().facts().get(key);
    }

    private static BigDecimal decimal(HouseholdSpec h, String key) {
        Object v = fact(h, key);
        return v == null ? BigDecimal.ZERO : (BigDecimal) v;
    }

    private static Object memberFact(MemberData m, String key) {
        return m.facts() == null ? null : m.facts().get(key);
    }

    private static long perCapita(HouseholdSpec h) {
        return h.data().netIncome().longValue() / h.data().members().size();
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
