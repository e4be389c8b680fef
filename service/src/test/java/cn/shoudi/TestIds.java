package cn.shoudi;

import cn.shoudi.rules.facts.IdNumbers;

import java.util.concurrent.ThreadLocalRandom;

/** Valid, practically unique resident ID numbers for tests. */
public final class TestIds {

    private TestIds() {
    }

    /** A valid number of someone born in that year (random month and day; read the birth date from the number). */
    public static String fresh(String year, boolean male) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int seq = 2 * r.nextInt(499) + (male ? 1 : 2);
        // 50 (Chongqing) and a random county code: unique enough for the thousands of households a test run registers
        String first17 = "50" + String.format("%04d", 100 + r.nextInt(9900)) + year + String.format("%02d%02d", 1 + r.nextInt(12), 1 + r.nextInt(28))
                + String.format("%03d", seq);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    /** The birth date an ID number encodes, as yyyy-MM-dd. */
    public static String birthDate(String idNumber) {
        return idNumber.substring(6, 10) + "-" + idNumber.substring(10, 12) + "-" + idNumber.substring(12, 14);
    }
}
