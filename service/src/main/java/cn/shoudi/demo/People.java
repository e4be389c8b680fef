package cn.shoudi.demo;

import cn.shoudi.rules.facts.IdNumbers;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Plausible generated Chinese names, phone numbers and valid resident ID numbers with the 彭水 region code 500243.
 * Nobody is real: names are drawn from common surnames and given-name characters, ID numbers from a sequence.
 */
final class People {

    static final String REGION = "500243";
    private static final String[] SURNAMES = ("冉任张王刘陈杨何罗谢侯庞黄李周吴徐孙胡朱高林郭马蒋曾彭邓田龚向蔡付汪廖秦熊"
            + "覃文石代钱袁赵谭蒲简").split("");
    private static final String[] MALE = "明华军勇强平刚伟杰涛斌超辉林海波建国德富贵成云龙飞鹏志祥洪兵川江山松".split("");
    private static final String[] FEMALE = "秀英兰芳梅玉珍凤琴丽霞燕红萍艳娟桂花翠菊琼春莲群芬敏静婷娇".split("");

    private final Dice rnd;
    private final Set<String> usedIds;
    private int phone;

    People(Dice rnd, Set<String> usedIds) {
        this.rnd = rnd;
        this.usedIds = usedIds == null ? new HashSet<>() : usedIds;
    }

    String surname() {
        return SURNAMES[rnd.nextInt(SURNAMES.length)];
    }

    String name(boolean male) {
        return name(surname(), male);
    }

    String name(String surname, boolean male) {
        String[] chars = male ? MALE : FEMALE;
        String given = chars[rnd.nextInt(chars.length)];
        if (rnd.nextInt(10) < 7) {
            given += chars[rnd.nextInt(chars.length)];
        }
        return surname + given;
    }

    String phone() {
        phone++;
        return String.format("139%08d", 23_000_000 + phone * 7 % 1_000_000 + phone / 1_000_000);
    }

    /** A valid ID number, unique among the ones this generator handed out: odd sequence for men, even for women. */
    String idNumber(LocalDate born, boolean male) {
        String date = born.toString().replace("-", "");
        for (int tries = 0; ; tries++) {
            int seq = rnd.nextInt(500) * 2 + (male ? 1 : 0);
            if (seq == 0) {
                continue;
            }
            String first17 = REGION + date + String.format("%03d", seq);
            String id = first17 + IdNumbers.checkCharacter(first17);
            if (usedIds.add(id)) {
                return id;
            }
            if (tries > 2000) {
                throw new IllegalStateException("no free ID number for " + born);
            }
        }
    }

    /** A birth date such that the person is exactly {@code age} whole years old on {@code asOf}. */
    LocalDate bornAged(int age, LocalDate asOf) {
        return asOf.minusYears(age).minusDays(rnd.nextInt(365));
    }
}
