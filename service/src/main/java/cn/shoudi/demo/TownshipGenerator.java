package cn.shoudi.demo;

import cn.shoudi.registry.CadreRole;
import cn.shoudi.registry.TownshipData;
import cn.shoudi.registry.TownshipData.CadreSpec;
import cn.shoudi.registry.TownshipData.GroupSpec;
import cn.shoudi.registry.TownshipData.HouseholdSpec;
import cn.shoudi.registry.TownshipData.VillageSpec;
import cn.shoudi.registry.TownshipData.WaterPointSpec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.shoudi.demo.SeedReport.*;

/**
 * Generates 联合乡 (彭水苗族土家族自治县, 重庆) as its 2019 work report describes it: 4 villages and 25 villager groups,
 * 3,389 households and 14,256 people, and every household-level figure of the report (see {@link SeedReport}).
 * Deterministic: the same seed and index give the same township, byte for byte. Index 0 is 联合乡 itself; other
 * indexes give copies with their own codes, household numbers and ID numbers (for county-scale benchmarks).
 *
 * <p>Statuses are recorded decisions: every registered household's class and years as the 2019 动态调整 confirmed them
 * ({@link #ADJUSTMENT_2019}), and the 16 unstable and 14 edge households of the 两摸底 lists in monitoring from
 * {@link #SURVEY_2019}. The inputs agree with them: incomes, risks, housing, schooling and the rest are generated so
 * that the default decision tables, evaluated as of {@link #AS_OF}, propose exactly those 16 and 14 (监测 table, 2019
 * monitoring line 5,000 元), keep the 29 not-yet-exited households from exiting (退出 table: income, illness, unsafe
 * house, or registered this year) and identify no new poor household, so nothing is left to verify (待核实). The facts
 * the registry keeps in its facts map (water, 两不愁, income components, 七不进 cases, members' school stage and work)
 * come from {@link FactsDraft}, drawn last.
 */
public final class TownshipGenerator {

    /** The documented default seed. */
    public static final long SEED = 20191231L;
    /** The report's date: the registry is the township at the end of 2019. */
    public static final LocalDate AS_OF = LocalDate.of(2019, 12, 31);
    /**
     * The date the demo gives the 2019 扶贫对象动态调整 (the report names the adjustment, not its date), which confirmed
     * every registered household's class, registration and exit year: recorded as their 初始登记.
     */
    public static final LocalDate ADJUSTMENT_2019 = LocalDate.of(2019, 10, 31);
    static final String ADJUSTMENT_2019_REFERENCE = "2019年扶贫对象动态调整";
    /**
     * The date the demo gives the 两摸底 lists (脱贫不稳定户 16, 边缘户 14), ordered at the county meeting of 2019-11-08:
     * their households entered monitoring on it (domain.md §5: the lists entered the 2020 monitoring automatically),
     * and the edge households got their helpers on it.
     */
    public static final LocalDate SURVEY_2019 = LocalDate.of(2019, 11, 15);
    /** The demo township's code (彭水 500243 + township 120). */
    public static final String CODE = "500243120";

    private static final String[][] VILLAGES = {{"201", "龙池村", "true", "7"}, {"202", "同连村", "true", "6"},
            {"203", "蔡家坝村", "false", "6"}, {"204", "河东村", "false", "6"}};
    /** Share of registered poor households and of other households by village. */
    private static final double[] REGISTERED_SHARE = {0.34, 0.31, 0.18, 0.17};
    private static final double[] OTHER_SHARE = {0.27, 0.23, 0.25, 0.25};
    private static final String[] RISKS = {"因病", "因残", "缺劳动力", "因学", "因务工就业不稳"};

    private final Dice rnd;
    private final People people;
    private final int index;
    private final String code;
    private final List<Draft> drafts = new ArrayList<>();

    /**
     * @param seed    random seed; {@link #SEED} gives the documented township
     * @param index   0 for 联合乡; other values give copies with their own codes
     * @param usedIds ID numbers already handed out (to keep copies unique), or null
     */
    public TownshipGenerator(long seed, int index, Set<String> usedIds) {
        this.rnd = new Dice(seed + index);
        this.people = new People(rnd, usedIds);
        this.index = index;
        this.code = People.REGION + (120 + index);
    }

    /** 联合乡 with the documented seed. */
    public static TownshipData lianhe() {
        return new TownshipGenerator(SEED, 0, null).generate();
    }

    public TownshipData generate() {
        drafts.clear();
        addKind(Kind.REMAINING, REMAINING_HOUSEHOLDS, REMAINING_PEOPLE);
        addKind(Kind.EXITED_2019, EXITED_2019_HOUSEHOLDS, EXITED_2019_PEOPLE);
        addKind(Kind.UNSTABLE, UNSTABLE_HOUSEHOLDS, UNSTABLE_PEOPLE);
        int relocatedEarly = RELOCATED_HOUSEHOLDS - RELOCATED_2018_19_HOUSEHOLDS;
        int relocatedEarlyPeople = RELOCATED_PEOPLE - RELOCATED_2018_19_PEOPLE;
        addKind(Kind.RELOCATED_EARLY, relocatedEarly, relocatedEarlyPeople);
        addKind(Kind.RELOCATED_LATE, RELOCATED_2018_19_HOUSEHOLDS, RELOCATED_2018_19_PEOPLE);
        addKind(Kind.EXITED, EXITED_HOUSEHOLDS - EXITED_2019_HOUSEHOLDS - UNSTABLE_HOUSEHOLDS - RELOCATED_HOUSEHOLDS,
                EXITED_PEOPLE - EXITED_2019_PEOPLE - UNSTABLE_PEOPLE - RELOCATED_PEOPLE);
        addKind(Kind.EDGE, EDGE_HOUSEHOLDS, EDGE_PEOPLE);
        addKind(Kind.ORDINARY, HOUSEHOLDS - REGISTERED_HOUSEHOLDS - EDGE_HOUSEHOLDS,
                PEOPLE - REGISTERED_PEOPLE - EDGE_PEOPLE);
        Members members = new Members(rnd, people, AS_OF);
        members.populate(drafts);
        new Ledgers(rnd, AS_OF).apply(drafts);
        List<Draft> registered = drafts.stream().filter(d -> d.kind.registered).toList();
        List<Draft> others = drafts.stream().filter(d -> !d.kind.registered).toList();
        placeInVillages(registered, REGISTERED_SHARE);
        placeInVillages(others, OTHER_SHARE);
        List<VillageSpec> villages = new ArrayList<>();
        Map<String, List<Draft>> byVillage = new LinkedHashMap<>();
        for (String[] v : VILLAGES) {
            byVillage.put(code + v[0], new ArrayList<>());
        }
        drafts.forEach(d -> byVillage.get(d.villageCode).add(d));
        List<WaterPointSpec> waterPoints = new ArrayList<>();
        int pointsLeft = WATER_POINTS;
        long investmentLeft = WATER_INVESTMENT;
        long served = drafts.stream().filter(d -> d.waterServed).count();
        long servedLeft = served;
        for (int v = 0; v < VILLAGES.length; v++) {
            String villageCode = code + VILLAGES[v][0];
            List<Draft> here = byVillage.get(villageCode);
            villages.add(village(v, villageCode, here));
            List<Draft> servedHere = here.stream().filter(d -> d.waterServed).toList();
            boolean last = v == VILLAGES.length - 1;
            int points = last ? pointsLeft : (int) Math.round((double) WATER_POINTS * servedHere.size() / served);
            long investment = last ? investmentLeft
                    : Math.round((double) WATER_INVESTMENT * servedHere.size() / served / 100) * 100;
            pointsLeft -= points;
            investmentLeft -= investment;
            servedLeft -= servedHere.size();
            waterPoints.addAll(waterPoints(v, villageCode, points, investment, servedHere));
        }
        if (servedLeft != 0) {
            throw new IllegalStateException("water points do not cover the served households");
        }
        List<CadreSpec> township = List.of(
                new CadreSpec("T-INFO-1", people.name(true) + "（乡扶贫信息员）", people.phone(), CadreRole.INFO_OFFICER),
                new CadreSpec("T-INFO-2", people.name(false) + "（乡扶贫信息员）", people.phone(), CadreRole.INFO_OFFICER),
                new CadreSpec("T-OFFICE", people.name(true) + "（乡扶贫办）", people.phone(), CadreRole.TOWNSHIP));
        new FactsDraft(rnd).apply(drafts);
        List<HouseholdSpec> households = drafts.stream().map(Draft::toSpec).toList();
        return new TownshipData(code, index == 0 ? "联合乡" : "联合乡（副本" + index + "）", "彭水苗族土家族自治县",
                villages, township, waterPoints, households);
    }

    private void addKind(Kind kind, int households, int persons) {
        for (int size : sizes(households, persons)) {
            drafts.add(new Draft(kind, size));
        }
    }

    /** Household sizes from a typical rural distribution, adjusted to sum exactly to {@code total}. */
    private int[] sizes(int n, int total) {
        double[] cumulative = {0.08, 0.23, 0.41, 0.63, 0.81, 0.92, 0.97, 1.0};
        int[] s = new int[n];
        int sum = 0;
        for (int i = 0; i < n; i++) {
            double u = rnd.nextDouble();
            int size = 1;
            while (u > cumulative[size - 1]) {
                size++;
            }
            s[i] = size;
            sum += size;
        }
        while (sum != total) {
            int i = rnd.nextInt(n);
            if (sum < total && s[i] < 8) {
                s[i]++;
                sum++;
            } else if (sum > total && s[i] > 1) {
                s[i]--;
                sum--;
            }
        }
        return s;
    }

    private void placeInVillages(List<Draft> list, double[] share) {
        for (Draft d : list) {
            double u = rnd.nextDouble();
            int v = 0;
            while (v < share.length - 1 && u > share[v]) {
                u -= share[v];
                v++;
            }
            d.villageCode = code + VILLAGES[v][0];
            d.groupName = (1 + rnd.nextInt(Integer.parseInt(VILLAGES[v][3]))) + "组";
        }
        Map<String, Integer> seq = new LinkedHashMap<>();
        for (Draft d : list) {
            String key = d.villageCode + d.groupName;
            int n = seq.merge(key, 1, Integer::sum);
            int group = Integer.parseInt(d.groupName.replace("组", ""));
            d.householdNo = d.villageCode + String.format("%02d%04d", group, n + (d.kind.registered ? 0 : 5000));
        }
    }

    private VillageSpec village(int v, String villageCode, List<Draft> here) {
        String[] row = VILLAGES[v];
        String name = row[1];
        List<CadreSpec> cadres = new ArrayList<>();
        cadres.add(new CadreSpec(villageCode + "-VC", people.name(true) + "（村支书）", people.phone(),
                CadreRole.VILLAGE_COMMITTEE));
        cadres.add(new CadreSpec(villageCode + "-INFO", people.name(false) + "（村扶贫信息员）", people.phone(),
                CadreRole.INFO_OFFICER));
        List<Draft> helped = here.stream().filter(d -> d.kind.registered || d.kind == Kind.EDGE).toList();
        int helpers = (helped.size() + 4) / 5;
        for (int h = 0; h < helpers; h++) {
            cadres.add(new CadreSpec(villageCode + "-H" + h, people.name(rnd.nextInt(4) > 0), people.phone(),
                    CadreRole.HELPER));
        }
        for (int i = 0; i < helped.size(); i++) {
            Draft d = helped.get(i);
            d.helperKey = villageCode + "-H" + (i % helpers);
            d.helperSince = d.kind == Kind.EDGE ? SURVEY_2019
                    : LocalDate.of(d.registeredYear, 3, 1).plusDays(rnd.nextInt(200));
        }
        List<GroupSpec> groups = new ArrayList<>();
        for (int g = 1; g <= Integer.parseInt(row[3]); g++) {
            groups.add(new GroupSpec(g + "组", new CadreSpec(villageCode + "-G" + g, people.name(true) + "（驻" + g
                    + "组）", people.phone(), CadreRole.GROUP_CADRE)));
        }
        return new VillageSpec(villageCode, name, Boolean.parseBoolean(row[2]), groups, cadres);
    }

    private List<WaterPointSpec> waterPoints(int v, String villageCode, int count, long investment,
                                             List<Draft> served) {
        long[] money = rnd.split(investment / 100, count, 50);
        List<WaterPointSpec> points = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            String key = villageCode + "-W" + (p + 1);
            boolean central = p < Math.max(1, count / 3);
            points.add(new WaterPointSpec(key, villageCode, VILLAGES[v][1] + "第" + (p + 1) + "号"
                    + (central ? "集中供水点" : "分散供水点"), central ? "集中供水" : "分散供水", 2015 + rnd.nextInt(5),
                    BigDecimal.valueOf(money[p] * 100), people.name(true), people.phone()));
        }
        List<Draft> shuffled = rnd.shuffle(served);
        for (int i = 0; i < shuffled.size(); i++) {
            shuffled.get(i).waterPointKey = points.get(i < count ? i : rnd.nextInt(count)).key();
        }
        return points;
    }




    static String risk(Dice rnd) {
        return RISKS[rnd.nextInt(RISKS.length)];
    }
}
