package cn.shoudi.demo;

import cn.shoudi.demo.Draft.Person;
import cn.shoudi.registry.TownshipData;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.shoudi.demo.SeedReport.*;

/**
 * Fills the generated households with members: plans every slot first (so that exactly the report's number of
 * children aged 6–16 exist, 595 of them in registered households, and the education-aid counts come out), then picks
 * the head's age to fit the young members, then ages, relations, names, ID numbers, health, schooling and labour.
 * Nobody but a planned child is aged 6–16 on the report date.
 */
final class Members {

    private static final int KIDS_16_IN_HIGH_SCHOOL = 9;

    private final Dice rnd;
    private final People people;
    private final LocalDate asOf;

    Members(Dice rnd, People people, LocalDate asOf) {
        this.rnd = rnd;
        this.people = people;
        this.asOf = asOf;
    }

    void populate(List<Draft> drafts) {
        List<Person> registeredSlots = new ArrayList<>();
        List<Person> otherSlots = new ArrayList<>();
        for (Draft d : drafts) {
            d.members.add(slot("HEAD"));
            boolean spouse = d.size >= 2 && rnd.nextInt(100) < 85;
            if (spouse) {
                d.members.add(slot("SPOUSE"));
            }
            while (d.members.size() < d.size) {
                Person p = slot("OTHER");
                d.members.add(p);
                (d.kind.registered ? registeredSlots : otherSlots).add(p);
            }
        }
        int highSchoolYouth = AID_HIGH_SCHOOL - KIDS_16_IN_HIGH_SCHOOL - 1;
        int kids16 = CHILDREN_REGISTERED - AID_COMPULSORY;
        plan(registeredSlots, new Object[][] {{"KID", AID_COMPULSORY}, {"KID16", kids16}, {"PRE_AID", AID_PRESCHOOL},
                {"YOUTH_HS", highSchoolYouth}});
        plan(otherSlots, new Object[][] {{"KID_NR", CHILDREN - CHILDREN_REGISTERED}});
        for (Draft d : drafts) {
            ages(d);
            identities(d);
        }
        schoolingAndAid(drafts);
    }

    private static Person slot(String kind) {
        Person p = new Person();
        p.slot = kind;
        return p;
    }

    private void plan(List<Person> slots, Object[][] counts) {
        List<Person> shuffled = rnd.shuffle(slots);
        int i = 0;
        for (Object[] c : counts) {
            for (int n = 0; n < (Integer) c[1]; n++) {
                if (i >= shuffled.size()) {
                    throw new IllegalStateException("not enough member slots for " + c[0]);
                }
                shuffled.get(i++).slot = (String) c[0];
            }
        }
    }

    private void ages(Draft d) {
        List<Person> young = new ArrayList<>();
        for (Person p : d.members) {
            switch (p.slot) {
                case "KID" -> p.age = 6 + rnd.nextInt(10);
                case "KID16" -> p.age = 16;
                case "KID_NR" -> p.age = 6 + rnd.nextInt(11);
                case "PRE_AID" -> p.age = 3 + rnd.nextInt(3);
                case "YOUTH_HS" -> p.age = 17 + rnd.nextInt(2);
                default -> p.age = -1;
            }
            if (p.age >= 0) {
                young.add(p);
            }
        }
        Person head = d.head();
        boolean grandparent = false;
        if (young.isEmpty()) {
            head.age = d.size == 1 ? 50 + rnd.nextInt(37) : 28 + rnd.nextInt(53);
        } else {
            int maxY = young.stream().mapToInt(p -> p.age).max().orElseThrow();
            int minY = young.stream().mapToInt(p -> p.age).min().orElseThrow();
            int from = Math.max(24, maxY + 21);
            int to = Math.min(58, minY + 42);
            if (from <= to && rnd.nextInt(100) < 85) {
                head.age = from + rnd.nextInt(to - from + 1);
            } else {
                grandparent = true;
                int gFrom = Math.max(52, maxY + 42);
                head.age = gFrom + rnd.nextInt(Math.max(1, 84 - gFrom));
            }
        }
        head.sex = rnd.nextInt(100) < 85 ? "男" : "女";
        head.relation = "户主";
        for (Person p : d.members) {
            if (p == head) {
                continue;
            }
            boolean male = rnd.nextBoolean();
            if ("SPOUSE".equals(p.slot)) {
                p.age = Math.max(20, head.age - 3 + rnd.nextInt(9));
                male = !head.male();
                p.relation = "配偶";
            } else if (p.age >= 0) {
                p.relation = grandparent ? (male ? "孙子" : "孙女") : (male ? "之子" : "之女");
            } else if (head.age <= 62 && (rnd.nextInt(100) < 45 || head.age < 39)) {
                p.age = Math.min(97, head.age + 22 + rnd.nextInt(11));
                p.relation = male ? "父亲" : "母亲";
            } else if (head.age >= 39) {
                p.age = Math.max(17, head.age - 22 - rnd.nextInt(9));
                p.relation = male ? "之子" : (rnd.nextBoolean() ? "之女" : "儿媳");
            } else {
                p.age = rnd.nextInt(6);
                p.relation = male ? "之子" : "之女";
            }
            p.sex = male ? "男" : "女";
        }
    }

    private void identities(Draft d) {
        String surname = people.surname();
        for (Person p : d.members) {
            boolean sameSurname = p == d.head() || p.relation.startsWith("之") && !"儿媳".equals(p.relation)
                    || p.relation.startsWith("孙") || "父亲".equals(p.relation);
            p.name = sameSurname ? people.name(surname, p.male()) : people.name(p.male());
            p.birthDate = people.bornAged(p.age, asOf);
            p.idNumber = people.idNumber(p.birthDate, p.male());
            p.labour = p.age < 16 ? "无劳动力" : p.age < 60 ? (rnd.nextInt(5) == 0 ? "技能劳动力" : "普通劳动力")
                    : p.age < 70 ? "弱劳动力" : "丧失劳动力";
            int chronicPercent = p.age >= 60 ? (d.kind.registered ? 35 : 25) : p.age >= 45 ? 8 : 0;
            int roll = rnd.nextInt(1000);
            if (p.age >= 18 && roll < (d.kind.registered ? 40 : 15)) {
                p.health = "残疾";
                p.disabilityGrade = 1 + rnd.nextInt(4);
                if (p.disabilityGrade <= 2) {
                    p.labour = "丧失劳动力";
                }
            } else if (p.age >= 30 && roll < (d.kind.registered ? 46 : 18)) {
                p.health = "大病";
                p.labour = "弱劳动力";
            } else if (rnd.nextInt(100) < chronicPercent) {
                p.health = "长期慢性病";
            }
            if (p.age <= 2) {
                p.schooling = null;
            } else if (p.age <= 5) {
                p.schooling = "学前";
            } else if (p.age >= 17) {
                p.schooling = p.age <= 22 && rnd.nextInt(100) < 30 ? "在校" : "非在校";
            }
        }
    }

    /** Schooling of the children 6–16, the five dropout cases and the education aid of registered households. */
    private void schoolingAndAid(List<Draft> drafts) {
        List<Person[]> kids = new ArrayList<>();
        List<Draft> kidHomes = new ArrayList<>();
        List<Person> kids16 = new ArrayList<>();
        List<Draft> kid16Homes = new ArrayList<>();
        for (Draft d : drafts) {
            for (Person p : d.members) {
                switch (p.slot) {
                    case "KID" -> {
                        p.schooling = "在校";
                        p.educationAid = "义务教育";
                        kids.add(new Person[] {p});
                        kidHomes.add(d);
                    }
                    case "KID_NR" -> p.schooling = p.age <= 15 || rnd.nextInt(100) < 75 ? "在校" : "非在校";
                    case "PRE_AID" -> {
                        p.schooling = "学前";
                        p.educationAid = "学前";
                    }
                    case "YOUTH_HS" -> {
                        p.schooling = "在校";
                        p.educationAid = "高中阶段";
                    }
                    case "KID16" -> {
                        kids16.add(p);
                        kid16Homes.add(d);
                    }
                    default -> {
                    }
                }
            }
        }
        for (int i = 0; i < kids16.size(); i++) {
            Person p = kids16.get(i);
            if (i < KIDS_16_IN_HIGH_SCHOOL) {
                p.schooling = "在校";
                p.educationAid = "高中阶段";
            } else if (i == KIDS_16_IN_HIGH_SCHOOL) {
                p.schooling = "在校";
                p.educationAid = "高中阶段";
                dropout(kid16Homes.get(i), p, "2019-09-10", "厌学，未到校报到", "劝返至职业学校就读", "2019-09-25");
            } else if (i == KIDS_16_IN_HIGH_SCHOOL + 1) {
                p.schooling = "已毕业";
                dropout(kid16Homes.get(i), p, "2019-09-10", "疑似辍学，经核实已初中毕业", "补发初中毕业证书",
                        "2019-09-20");
            } else {
                p.schooling = "非在校";
            }
        }
        int[] picks = {kids.size() / 5, kids.size() * 2 / 5, kids.size() * 3 / 5};
        Person ill = kids.get(picks[0])[0];
        ill.health = "大病";
        dropout(kidHomes.get(picks[0]), ill, "2019-03-05", "患白血病休学治疗", "治疗好转后返校复学", "2019-09-02");
        Person disabled = kids.get(picks[1])[0];
        disabled.health = "残疾";
        disabled.disabilityGrade = 1;
        disabled.schooling = "送教上门";
        dropout(kidHomes.get(picks[1]), disabled, "2019-04-12", "重度残疾，不具备到校就读条件", "安排送教上门",
                "2019-05-06");
        Person weary = kids.get(picks[2])[0];
        dropout(kidHomes.get(picks[2]), weary, "2019-10-14", "厌学，连续多日未到校", "劝返复学", "2019-10-21");
    }

    private static void dropout(Draft d, Person p, String found, String reason, String outcome, String resolved) {
        d.dropouts.add(new TownshipData.DropoutCase(p.name, p.idNumber, LocalDate.parse(found), reason, outcome,
                LocalDate.parse(resolved)));
    }

}
