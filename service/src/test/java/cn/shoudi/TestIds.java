package cn.shoudi;

import cn.shoudi.rules.facts.IdNumbers;

import java.util.concurrent.ThreadLocalRandom;

/** Valid, practically unique resident ID numbers for tests. */
public final class TestIds {

    private TestIds() {
    }

    public static String fresh(String year, boolean male) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int seq = 2 * r.nextInt(499) + (male ? 1 : 2);
        String first17 = "500243" + year + String.format("%02d%02d", 1 + r.nextInt(12), 1 + r.nextInt(28))
                + String.format("%03d", seq);
        return first17 + IdNumbers.checkCharacter(first17);
    }
}
