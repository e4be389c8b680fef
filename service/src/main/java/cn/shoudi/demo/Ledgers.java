package cn.shoudi.demo;

import cn.shoudi.demo.Draft.Person;
import cn.shoudi.registry.TownshipData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import static cn.shoudi.demo.SeedReport.*;

/**
 * Household-level data of the generated township: registration and exit years, incomes and risks (chosen so that the
 * default tables give the report's statuses), housing appraisal and works, relocation, water points, 低保,
 * public-welfare jobs, chronic-disease cards, causes of poverty and industries.
 */
final class Ledgers {

    private static final String[] CAUSES = {"缺技术", "缺劳力", "缺资金", "交通条件落后", "自身发展动力不足", "缺土地", "缺水"};
    private static final Object[][] LIVING = {{"改厕", TOILETS}, {"改厨", KITCHENS}, {"D级危房配套设施", D_SUPPORT},
            {"院坝硬化及入户便道", LIVING_UPGRADES - TOILETS - KITCHENS - D_SUPPORT}};

    private final Dice rnd;
    private final LocalDate asOf;

    Ledgers(Dice rnd, LocalDate asOf) {
        this.rnd = rnd;
        this.asOf = asOf;
    }

    void apply(List<Draft> drafts) {
        List<Draft> remaining = of(drafts, d -> d.kind == Kind.REMAINING);
        for (Draft d : drafts) {
            years(d);
            income(d, 5300 + rnd.nextInt(7700));
        }
        remaining(remaining);
        for (Draft d : of(drafts, d -> d.kind == Kind.UNSTABLE || d.kind == Kind.EDGE)) {
            income(d, 3300 + rnd.nextInt(1690));
            d.selfCoping = false;
            d.risks.add(riskOf(d));
            if (rnd.nextInt(3) == 0) {
                d.risks.add(TownshipGenerator.risk(rnd));
            }
        }
        for (Draft d : of(drafts, d -> d.kind == Kind.ORDINARY)) {
            double u = rnd.nextDouble();
            income(d, 5600 + (int) (24400 * u * u));
        }
        housing(drafts);
        water(drafts);
        allowance(drafts);
        jobsAndCards(drafts);
        for (Draft d : drafts) {
            if (d.kind.registered && d.mainCause == null) {
                d.mainCause = cause(d);
            }
        }
        industries(drafts);
    }

    private void years(Draft d) {
        switch (d.kind) {
            case REMAINING -> d.registeredYear = 2014 + (rnd.nextInt(4) == 0 ? 1 : 0);
            case EXITED_2019 -> {
                d.registeredYear = 2014 + rnd.nextInt(3);
                d.exitYear = 2019;
            }
            case UNSTABLE -> {
                d.registeredYear = 2014;
                d.exitYear = 2016 + rnd.nextInt(3);
            }
            case RELOCATED_EARLY -> {
                d.registeredYear = 2014;
                d.relocationYear = 2016 + rnd.nextInt(2);
                d.exitYear = d.relocationYear + 1;
            }
            case RELOCATED_LATE -> {
                d.registeredYear = 2014 + rnd.nextInt(2);
                d.relocationYear = 2018;
                d.exitYear = 2018;
            }
            case EXITED -> {
                d.registeredYear = rnd.nextInt(100) < 85 ? 2014 : 2015;
                d.exitYear = d.registeredYear + 1 + rnd.nextInt(2018 - d.registeredYear);
            }
            default -> {
            }
        }
        d.relocated = d.relocationYear != null;
    }

    private void income(Draft d, int perCapita) {
        d.netIncome = (long) perCapita * d.size;
        d.previousYearNetIncome = Math.round(d.netIncome * (0.92 + 0.16 * rnd.nextDouble()));
    }

    /**
     * The 29 not-yet-exited households, each kept by at least one exit blocker: income not above the poverty line
     * (14), a seriously ill member whose costs push the income below it (6), an unrenovated C or D house (5), or
     * registered in 2019 (4).
     */
    private void remaining(List<Draft> remaining) {
        List<Draft> r = rnd.shuffle(remaining);
        for (int i = 0; i < r.size(); i++) {
            Draft d = r.get(i);
            if (i < 14) {
                income(d, 2300 + rnd.nextInt(900));
            } else if (i < 20) {
                income(d, 4000 + rnd.nextInt(2000));
                Person ill = d.head();
                ill.health = "大病";
                ill.labour = "弱劳动力";
                d.rigidExpenditure = d.netIncome - (long) (2500 + rnd.nextInt(600)) * d.size;
                d.mainCause = "因病";
            } else if (i < 25) {
                income(d, 3500 + rnd.nextInt(1300));
                d.houseGrade = i < 22 ? "C" : "D";
                d.houseUse = "自住";
            } else {
                income(d, 3400 + rnd.nextInt(1100));
                d.registeredYear = asOf.getYear();
            }
        }
    }

    private String riskOf(Draft d) {
        if (d.members.stream().anyMatch(p -> "大病".equals(p.health) || "长期慢性病".equals(p.health))) {
            return "因病";
        }
        if (d.members.stream().anyMatch(p -> "残疾".equals(p.health))) {
            return "因残";
        }
        return d.members.stream().anyMatch(p -> "在校".equals(p.schooling) && p.age >= 15) ? "因学" : "缺劳动力";
    }

    /** Appraisal categories of 3,012 households (A/B/C/D, production, idle), buildings, and 2019 housing works. */
    private void housing(List<Draft> drafts) {
        List<Draft> ordinary = rnd.shuffle(of(drafts, d -> d.kind == Kind.ORDINARY));
        int notAppraised = HOUSEHOLDS - APPRAISED_HOUSEHOLDS - RELOCATED_HOUSEHOLDS;
        int o = 0;
        ordinary.subList(o, o += notAppraised).forEach(d -> d.appraised = false);
        List<Draft> idle = ordinary.subList(o, o += IDLE);
        idle.forEach(d -> d.houseUse = "闲置");
        ordinary.subList(o, o += PRODUCTION).forEach(d -> d.houseUse = "临时生产用房");
        int remainingC = 2, remainingD = 3;
        List<Draft> ordinaryC = ordinary.subList(o, o += GRADE_C - remainingC - 2);
        List<Draft> ordinaryD = ordinary.subList(o, o += GRADE_D - remainingD - 10);
        ordinaryC.forEach(d -> grade(d, "C"));
        ordinaryD.forEach(d -> grade(d, "D"));
        List<Draft> exited = rnd.shuffle(of(drafts, d -> d.kind.exited() && !d.relocated));
        for (int i = 0; i < 12; i++) {
            Draft d = exited.get(i);
            grade(d, i < 2 ? "C" : "D");
            d.houseRenovated = true;
            d.works.add(work("危房改造", i < 2 ? "C级危房改造" : i == 2 ? "D级危房改造" : "D级危房专项资金改造"));
        }
        List<Draft> ab = rnd.shuffle(of(drafts, d -> d.houseGrade == null && d.houseUse == null && !d.relocated
                && d.appraised));
        if (ab.size() != GRADE_A + GRADE_B) {
            throw new IllegalStateException("A/B households: " + ab.size());
        }
        for (int i = 0; i < ab.size(); i++) {
            grade(ab.get(i), i < GRADE_B ? "B" : "A");
        }
        rnd.pick(ab.subList(0, GRADE_B), 49).forEach(d -> d.works.add(work("危房改造", "维修加固")));
        List<Draft> a = ab.subList(GRADE_B, ab.size());
        rnd.pick(of(a, d -> d.kind.registered), 5).forEach(d -> d.works.add(work("危房改造", "拆除重建")));
        List<Draft> ordinaryA = rnd.pick(of(a, d -> d.kind == Kind.ORDINARY), 11);
        ordinaryA.subList(0, 5).forEach(d -> d.works.add(work("危房改造", "拆除重建")));
        ordinaryA.subList(5, 11).forEach(d -> d.works.add(work("危房改造", "自建")));
        idle.subList(0, 5).forEach(d -> d.works.add(work("危房改造", "随子女居住")));
        List<Draft> late = of(drafts, d -> d.kind == Kind.RELOCATED_LATE);
        for (Draft d : late.subList(0, 3)) {
            d.relocationYear = 2019;
            d.works.add(work("危房改造", "易地扶贫搬迁"));
        }
        List<Draft> appraised = of(drafts, d -> d.houseGrade != null || d.houseUse != null);
        for (Draft d : appraised) {
            d.buildings = 1;
            if (d.houseUse == null) {
                d.houseUse = "自住";
            }
        }
        rnd.pick(appraised, APPRAISED_BUILDINGS - APPRAISED_HOUSEHOLDS).forEach(d -> d.buildings = 2);
        List<Draft> upgraded = rnd.shuffle(of(drafts, d -> !d.relocated));
        int u = 0;
        for (Object[] l : LIVING) {
            for (int n = 0; n < (Integer) l[1]; n++) {
                upgraded.get(u++).works.add(work("人居环境", (String) l[0]));
            }
        }
    }

    private static void grade(Draft d, String grade) {
        d.houseGrade = grade;
        d.houseUse = "自住";
    }

    private TownshipData.HousingWork work(String kind, String method) {
        return new TownshipData.HousingWork(asOf.getYear(), kind, method);
    }

    /** Households served by the 183 water points: 2,775 (12,905 people), of which registered 680 (2,815). */
    private void water(List<Draft> drafts) {
        List<Draft> registered = of(drafts, d -> d.kind.registered);
        List<Draft> others = of(drafts, d -> !d.kind.registered);
        subset(registered, WATER_REGISTERED_HOUSEHOLDS, WATER_REGISTERED_PEOPLE).forEach(d -> d.waterServed = true);
        subset(others, WATER_HOUSEHOLDS - WATER_REGISTERED_HOUSEHOLDS, WATER_PEOPLE - WATER_REGISTERED_PEOPLE)
                .forEach(d -> d.waterServed = true);
    }

    /** 低保: 267 households, 606 covered members (elderly, disabled and children first). */
    private void allowance(List<Draft> drafts) {
        List<Draft> households = new ArrayList<>(rnd.pick(of(drafts, d -> d.kind.registered), 170));
        households.addAll(rnd.pick(of(drafts, d -> !d.kind.registered), ALLOWANCE_HOUSEHOLDS - 170));
        int[] covered = new int[households.size()];
        int total = 0;
        for (int i = 0; i < covered.length; i++) {
            covered[i] = 1;
            total++;
        }
        while (total < ALLOWANCE_PEOPLE) {
            int i = rnd.nextInt(covered.length);
            if (covered[i] < Math.min(5, households.get(i).size)) {
                covered[i]++;
                total++;
            }
        }
        for (int i = 0; i < covered.length; i++) {
            Draft d = households.get(i);
            d.lowIncomeAllowance = true;
            List<Person> order = new ArrayList<>(d.members);
            order.sort(Comparator.comparingInt(p -> "残疾".equals(p.health) || "大病".equals(p.health) ? 0
                    : p.age >= 60 ? 1 : p.age < 16 ? 2 : 3));
            order.subList(0, covered[i]).forEach(p -> p.lowIncomeAllowance = true);
        }
    }

    /** 58 public-welfare jobs for working-age members of registered households; 44 chronic-disease cards. */
    private void jobsAndCards(List<Draft> drafts) {
        List<Draft> withWorker = of(drafts, d -> d.kind.registered && d.members.stream().anyMatch(Ledgers::worker));
        for (Draft d : rnd.pick(withWorker, PUBLIC_WELFARE_JOBS)) {
            d.members.stream().filter(Ledgers::worker).findFirst().orElseThrow().publicWelfareJob = true;
        }
        List<Person> chronic = new ArrayList<>();
        drafts.stream().filter(d -> d.kind.registered).forEach(d -> d.members.stream()
                .filter(p -> "长期慢性病".equals(p.health)).forEach(chronic::add));
        rnd.pick(chronic, CHRONIC_CARDS).forEach(p -> p.chronicCard = true);
    }

    private static boolean worker(Person p) {
        return p.age >= 25 && p.age <= 58 && ("普通劳动力".equals(p.labour) || "技能劳动力".equals(p.labour));
    }

    private String cause(Draft d) {
        boolean ill = d.members.stream().anyMatch(p -> "大病".equals(p.health) || "长期慢性病".equals(p.health));
        boolean disabled = d.members.stream().anyMatch(p -> "残疾".equals(p.health));
        boolean student = d.members.stream().anyMatch(p -> "在校".equals(p.schooling) || "送教上门".equals(p.schooling));
        int roll = rnd.nextInt(100);
        if (ill && roll < 60) {
            return "因病";
        }
        if (disabled && roll < 75) {
            return "因残";
        }
        if (student && roll < 30) {
            return "因学";
        }
        return CAUSES[rnd.nextInt(CAUSES.length)];
    }

    private void industries(List<Draft> drafts) {
        List<Draft> registered = of(drafts, d -> d.kind.registered);
        List<Draft> others = of(drafts, d -> !d.kind.registered);
        for (Object[] row : INDUSTRIES) {
            String name = (String) row[0];
            int households = (Integer) row[1];
            int poor = (Integer) row[2];
            List<Draft> runs = new ArrayList<>(rnd.pick(registered, poor));
            runs.addAll(rnd.pick(others, households - poor));
            long[] scale = rnd.split((Integer) row[3], households, 1);
            for (int i = 0; i < runs.size(); i++) {
                runs.get(i).industries.add(new TownshipData.Industry(name, BigDecimal.valueOf(scale[i]),
                        (String) row[4]));
            }
        }
        rnd.pick(registered, ORDER_HELP_HOUSEHOLDS).forEach(d -> d.industries.add(
                new TownshipData.Industry("订单帮扶", null, null)));
        rnd.pick(registered, DIVIDEND_HOUSEHOLDS).forEach(d -> d.industries.add(
                new TownshipData.Industry("土地入股分红", null, null)));
    }

    /**
     * {@code count} households whose sizes sum to exactly {@code people}: a random start, then swaps that move the sum
     * toward the target.
     */
    private List<Draft> subset(List<Draft> pool, int count, int people) {
        List<Draft> all = rnd.shuffle(pool);
        List<Draft> in = new ArrayList<>(all.subList(0, count));
        List<Draft> out = new ArrayList<>(all.subList(count, all.size()));
        int sum = in.stream().mapToInt(d -> d.size).sum();
        for (int tries = 0; sum != people; tries++) {
            if (tries > 1_000_000) {
                throw new IllegalStateException("no subset of " + count + " households with " + people + " people");
            }
            int i = rnd.nextInt(in.size());
            int j = rnd.nextInt(out.size());
            int delta = out.get(j).size - in.get(i).size;
            if (delta != 0 && Math.abs(people - sum - delta) < Math.abs(people - sum)) {
                Draft t = in.get(i);
                in.set(i, out.get(j));
                out.set(j, t);
                sum += delta;
            }
        }
        return in;
    }



    private static List<Draft> of(List<Draft> drafts, Predicate<Draft> p) {
        return drafts.stream().filter(p).toList();
    }
}
