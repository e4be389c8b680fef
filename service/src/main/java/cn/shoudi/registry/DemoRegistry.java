package cn.shoudi.registry;

import cn.shoudi.rules.facts.IdNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Loads a small demo registry of 联合乡 (彭水, 重庆) on first start when the database has no village: its four
 * villages and 25 villager groups, a cadre per group, a village committee member per village, helper cadres and a
 * dozen households whose data the default policy turns into monitoring objects and tasks. Every name and ID number
 * is generated; nobody is real.
 */
@Component
@ConditionalOnProperty(name = "shoudi.demo.enabled", havingValue = "true")
class DemoRegistry implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRegistry.class);
    private static final String[][] VILLAGES = {{"500243201", "龙池村", "true", "7"}, {"500243202", "同连村", "true", "6"},
            {"500243203", "蔡家坝村", "false", "6"}, {"500243204", "河东村", "false", "6"}};
    private static final String[] SURNAMES = {"冉", "任", "张", "王", "刘", "陈", "杨", "何", "罗", "谢", "侯", "庞"};
    private static final String[] GIVEN = {"明", "华", "秀英", "建国", "桂兰", "志强", "玉梅", "德才", "小红", "国富",
            "春燕", "永红"};

    private final Villages villages;
    private final VillagerGroups groups;
    private final Cadres cadres;
    private final HouseholdService households;

    DemoRegistry(Villages villages, VillagerGroups groups, Cadres cadres, HouseholdService households) {
        this.villages = villages;
        this.groups = groups;
        this.cadres = cadres;
        this.households = households;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (villages.count() > 0) {
            return;
        }
        List<Long> groupIds = new ArrayList<>();
        List<Long> villageOfGroup = new ArrayList<>();
        List<Long> helpers = new ArrayList<>();
        int n = 0;
        for (String[] v : VILLAGES) {
            Village village = villages.save(new Village(null, v[0], v[1], Boolean.parseBoolean(v[2])));
            cadres.save(new Cadre(null, name(n++) + "（村委）", phone(n), CadreRole.VILLAGE_COMMITTEE, village.id(), true));
            helpers.add(cadres.save(new Cadre(null, name(n++), phone(n), CadreRole.HELPER, village.id(), true)).id());
            cadres.save(new Cadre(null, name(n++) + "（信息员）", phone(n), CadreRole.INFO_OFFICER, village.id(), true));
            for (int g = 1; g <= Integer.parseInt(v[3]); g++) {
                Cadre groupCadre = cadres.save(new Cadre(null, name(n++), phone(n), CadreRole.GROUP_CADRE,
                        village.id(), true));
                groupIds.add(groups.save(new VillagerGroup(null, village.id(), g + "组", groupCadre.id())).id());
                villageOfGroup.add(village.id());
            }
        }
        Object[][] demo = {
                // class, persons, net income, rigid, previous, risks, coping, guarantee
                {"脱贫户", 3, 16500, 0, 17000, Set.of("因病"), false, false},
                {"脱贫户", 4, 21000, 2000, 26000, Set.of("因残"), false, false},
                {"一般农户", 2, 11000, 0, 11500, Set.of("缺劳动力"), false, false},
                {"一般农户", 5, 90000, 0, 88000, Set.of(), true, false},
                {"脱贫户", 4, 52000, 0, 50000, Set.of(), true, false},
                {"一般农户", 3, 36000, 18000, 36000, Set.of("因病"), false, false},
                {"一般农户", 4, 30000, 0, 70000, Set.of("因意外事故"), false, false},
                {"脱贫户", 3, 33000, 0, 33000, Set.of("因自然灾害"), false, true},
                {"未脱贫户", 3, 9000, 0, 9000, Set.of("因病"), false, false},
                {"一般农户", 6, 120000, 0, 110000, Set.of(), true, false},
                {"脱贫户", 2, 24000, 0, 22000, Set.of(), true, false},
                {"一般农户", 1, 6000, 0, 6500, Set.of("因病"), false, false},
        };
        for (int i = 0; i < demo.length; i++) {
            Object[] d = demo[i];
            int g = (i * 7) % groupIds.size();
            int persons = (Integer) d[1];
            List<MemberData> members = new ArrayList<>();
            for (int m = 0; m < persons; m++) {
                boolean male = (i + m) % 2 == 0;
                LocalDate born = LocalDate.of(m == 0 ? 1965 + i : 1990 + i + m, 1 + (i + m) % 12, 1 + (i * 3 + m) % 28);
                members.add(new MemberData(name(100 + i * 10 + m), idNumber(born, i * 10 + m, male),
                        male ? "男" : "女", born, m == 0 ? "户主" : m == 1 ? "配偶" : male ? "之子" : "之女"));
            }
            long villageId = villageOfGroup.get(g);
            Long helper = "一般农户".equals(d[0]) ? null : helpers.get(VILLAGES.length - 1 - (int) (villageId % 4));
            households.register(new HouseholdData(String.format("5002432%02d%03d", g + 1, i + 1), villageId,
                    groupIds.get(g), (String) d[0], BigDecimal.valueOf((Integer) d[2]),
                    BigDecimal.valueOf((Integer) d[3]), BigDecimal.valueOf((Integer) d[4]),
                    (Set<String>) d[5], (Boolean) d[6], (Boolean) d[7], members, helper, null));
        }
        log.info("demo registry loaded: {} villages, {} groups, {} households", VILLAGES.length, groupIds.size(),
                demo.length);
    }

    private static String name(int i) {
        return SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length + i) % GIVEN.length];
    }

    private static String phone(int i) {
        return String.format("1390000%04d", i);
    }

    /** A valid resident ID number with the 彭水 region code 500243 (check digit computed; nobody real). */
    static String idNumber(LocalDate born, int sequence, boolean male) {
        int seq = (sequence * 2 + 11) % 998 + 1;
        if ((seq % 2 == 1) != male) {
            seq++;
        }
        String first17 = "500243" + born.toString().replace("-", "") + String.format("%03d", seq % 1000);
        return first17 + IdNumbers.checkCharacter(first17);
    }
}
