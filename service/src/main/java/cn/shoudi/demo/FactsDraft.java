package cn.shoudi.demo;

import cn.shoudi.demo.Draft.Person;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The catalogue facts the registry keeps in its facts map, for every generated household and member: drinking water
 * (piped for exactly the households the 183 water points serve, wells and springs within the convenience norms for the
 * others), 两不愁 and electricity, income components (收入构成) that add up exactly to the net income, the exclusion facts
 * of 一般农户 with a few 七不进 cases among well-off ones, and the members' insurance, work (务工) and school stage (学段).
 * Drawn after everything else, so the rest of the township is the same with or without them.
 */
final class FactsDraft {

    /** Per-capita net income from which a 一般农户 counts as well off; the 七不进 cases are drawn among these. */
    private static final long WELL_OFF = 15_000;
    /** Per-capita net income taken as markedly above the local average (收入明显高于当地平均); a demo assumption. */
    private static final long ABOVE_AVERAGE = 18_000;
    /** A year of a public-welfare job (公益性岗位) at 1,000 元 a month, as the report states. */
    private static final long PUBLIC_WELFARE_WAGE = 12_000;
    /** Basic pension of a rural resident aged 60 or more, per year (about 115 元 a month in 2019). */
    private static final long PENSION = 1_380;

    private final Dice rnd;

    FactsDraft(Dice rnd) {
        this.rnd = rnd;
    }

    void apply(List<Draft> drafts) {
        for (Draft d : drafts) {
            d.members.forEach(this::member);
            vocationalReturn(d);
            water(d);
            d.facts.put("foodSecure", true);
            d.facts.put("clothingSecure", true);
            d.facts.put("electricity", true);
        }
        exclusions(drafts.stream().filter(d -> !d.kind.registered).toList());
        drafts.forEach(this::income);
    }

    private void member(Person p) {
        p.facts.put("seriousIllnessInsured", true); // every generated member has basic medical insurance
        if (workingAge(p)) {
            p.facts.put("employed", rnd.nextInt(100) < 60);
        }
        String stage = schoolStage(p);
        if (stage != null) {
            p.facts.put("schoolStage", stage);
        }
        if (p.age >= 6 && p.age <= 16) {
            p.facts.put("healthExempt", false);
        }
    }

    private static boolean workingAge(Person p) {
        return p.age >= 16 && p.age < 60 && ("普通劳动力".equals(p.labour) || "技能劳动力".equals(p.labour))
                && !"在校".equals(p.schooling);
    }

    private String schoolStage(Person p) {
        if ("学前".equals(p.schooling)) {
            return "学前";
        }
        if (!"在校".equals(p.schooling) && !"送教上门".equals(p.schooling)) {
            return null;
        }
        if ("高中阶段".equals(p.educationAid) || p.age >= 16 && p.age <= 18) {
            return rnd.nextInt(4) == 0 ? "中职" : "高中";
        }
        return p.age <= 11 ? "小学" : p.age <= 15 ? "初中" : "大专及以上";
    }

    /** The dropout persuaded back to a vocational school is at one (中职). */
    private static void vocationalReturn(Draft d) {
        d.dropouts.stream().filter(c -> c.outcome().contains("职业学校")).forEach(c -> d.members.stream()
                .filter(p -> p.idNumber.equals(c.idNumber())).forEach(p -> p.facts.put("schoolStage", "中职")));
    }

    private void water(Draft d) {
        d.facts.put("waterPiped", d.waterServed);
        d.facts.put("dryArea", false);
        if (d.waterServed) {
            d.facts.put("waterLitresPerPersonDay", 60 + rnd.nextInt(61));
            d.facts.put("fetchMinutes", 0);
            d.facts.put("fetchHorizontalMetres", 0);
            d.facts.put("fetchVerticalMetres", 0);
            d.facts.put("waterOutageDays", rnd.nextInt(13));
        } else {
            // a well or spring near the house: within 800 m, so convenient whatever the climb
            int horizontal = 50 + rnd.nextInt(551);
            int vertical = 5 + rnd.nextInt(56);
            d.facts.put("waterLitresPerPersonDay", 35 + rnd.nextInt(36));
            d.facts.put("fetchHorizontalMetres", horizontal);
            d.facts.put("fetchVerticalMetres", vertical);
            d.facts.put("fetchMinutes", 2 + horizontal / 40 + vertical / 5);
            d.facts.put("waterOutageDays", rnd.nextInt(25));
        }
    }

    /**
     * Every 一般农户 gets the exclusion facts its cadres would know (no car, company or town flat; nobody a cadre or
     * public employee); a few well-off ones get one 七不进 case each, and a couple a village cadre or public employee.
     */
    private void exclusions(List<Draft> general) {
        for (Draft d : general) {
            d.facts.put("vehicleValue", BigDecimal.ZERO);
            d.facts.put("runsEnterprise", false);
            d.facts.put("townPropertyOrShop", false);
            d.facts.put("highStandardRenovation", false);
            d.facts.put("shipOrLargeMachinery", false);
            d.facts.put("awayMonths", 0);
            d.facts.put("incomeAboveLocalAverage", d.perCapitaIncome() >= ABOVE_AVERAGE);
            d.members.stream().filter(p -> p.age >= 18).forEach(p -> {
                p.facts.put("villageCadre", false);
                p.facts.put("publicEmployee", false);
            });
        }
        List<Draft> pool = new ArrayList<>(rnd.shuffle(general.stream().filter(d -> d.kind == Kind.ORDINARY
                && d.perCapitaIncome() >= WELL_OFF && !d.lowIncomeAllowance && d.works.isEmpty()
                && !"C".equals(d.houseGrade) && !"D".equals(d.houseGrade)).toList()));
        take(pool, 3, d -> true).forEach(d -> d.facts.put("vehicleValue",
                BigDecimal.valueOf(30_000L + 1_000L * rnd.nextInt(121))));
        take(pool, 2, d -> true).forEach(d -> d.facts.put("runsEnterprise", true));
        take(pool, 2, d -> true).forEach(d -> d.facts.put("townPropertyOrShop", true));
        take(pool, 2, d -> "A".equals(d.houseGrade)).forEach(d -> {
            d.facts.put("houseAcquiredYear", 2015 + rnd.nextInt(5));
            d.facts.put("houseAcquisitionExempt", false);
        });
        take(pool, 2, d -> "闲置".equals(d.houseUse) && d.perCapitaIncome() >= ABOVE_AVERAGE).forEach(d -> {
            d.facts.put("awayMonths", 12 + rnd.nextInt(25));
            d.members.stream().filter(FactsDraft::workingAge).forEach(p -> p.facts.put("employed", true));
        });
        take(pool, 2, d -> d.head().age >= 30 && d.head().age <= 60)
                .forEach(d -> d.head().facts.put("villageCadre", true));
        take(pool, 2, d -> d.members.stream().anyMatch(FactsDraft::canBePublicEmployee)).forEach(d -> {
            Person p = d.members.stream().filter(FactsDraft::canBePublicEmployee).findFirst().orElseThrow();
            p.facts.put("publicEmployee", true);
            p.facts.put("employed", false);
        });
    }

    private static boolean canBePublicEmployee(Person p) {
        return !"户主".equals(p.relation) && p.age >= 22 && p.age <= 50 && workingAge(p);
    }

    /** The first {@code n} households of the pool that match, removed from it (each case in its own household). */
    private static List<Draft> take(List<Draft> pool, int n, Predicate<Draft> p) {
        List<Draft> taken = pool.stream().filter(p).limit(n).toList();
        if (taken.size() < n) {
            throw new IllegalStateException("only " + taken.size() + " well-off households for a 七不进 case");
        }
        pool.removeAll(taken);
        return taken;
    }

    /**
     * Wages, business, transfers and property income and production costs that add up exactly to the net income:
     * transfers (pensions, 低保, aid for registered households) and property income (land-share dividends, rent) first,
     * the rest split between wages of those who work and the net of farming or a business.
     */
    private void income(Draft d) {
        long net = d.netIncome;
        boolean dividends = d.industries.stream().anyMatch(i -> i.industry().equals("土地入股分红"));
        long property = Math.min(net, dividends ? 200 + rnd.nextInt(601) : rnd.nextInt(10) == 0 ? 100 * (1
                + rnd.nextInt(10)) : 0);
        long elders = d.members.stream().filter(p -> p.age >= 60).count();
        long allowance = d.members.stream().filter(p -> p.lowIncomeAllowance).count();
        long transfer = Math.min(net - property, elders * PENSION + allowance * (1_500 + rnd.nextInt(1_501))
                + (d.kind.registered ? 300 + rnd.nextInt(701) : 0));
        long rest = net - property - transfer;
        long jobs = d.members.stream().filter(p -> p.publicWelfareJob).count();
        long earners = jobs + d.members.stream().filter(p -> Boolean.TRUE.equals(p.facts.get("employed"))
                || Boolean.TRUE.equals(p.facts.get("publicEmployee"))).count();
        int businessPercent = Boolean.TRUE.equals(d.facts.get("runsEnterprise")) ? 70 + rnd.nextInt(21)
                : earners == 0 ? 100 : d.industries.isEmpty() ? 10 + rnd.nextInt(26) : 30 + rnd.nextInt(31);
        long business = Math.min(rest * businessPercent / 100, rest - Math.min(rest, jobs * PUBLIC_WELFARE_WAGE));
        long cost = business * (25 + rnd.nextInt(31)) / 100;
        d.facts.put("wageIncome", BigDecimal.valueOf(rest - business));
        d.facts.put("businessIncome", BigDecimal.valueOf(business + cost));
        d.facts.put("transferIncome", BigDecimal.valueOf(transfer));
        d.facts.put("propertyIncome", BigDecimal.valueOf(property));
        d.facts.put("productionCost", BigDecimal.valueOf(cost));
        d.facts.put("stableIncomeSource", earners > 0 || elders > 0 || allowance > 0);
    }
}
