package cn.shoudi.rules.facts;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Checks of the 18-digit resident ID number (居民身份证号码, GB 11643-1999) and the 20-digit disability certificate
 * number (残疾人证号 = ID number + category 1–7 + grade 1–4).
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** Province-level codes of GB/T 2260 that resident ID numbers start with. */
    private static final java.util.Set<String> PROVINCES = java.util.Set.of("11", "12", "13", "14", "15", "21", "22",
            "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53",
            "54", "61", "62", "63", "64", "65", "71", "81", "82");

    private IdNumbers() {
    }

    /** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /**
     * What is wrong with an ID number, in Chinese, or empty when it is valid.
     *
     * @param id        the number as entered, not null
     * @param sex       the member's sex (男/女), or null to skip that check
     * @param birthDate the member's birth date, or null to skip that check
     * @param today     the date "in the future" is judged against
     */
    public static Optional<String> problem(String id, String sex, LocalDate birthDate, LocalDate today) {
        String s = id.trim().toUpperCase();
        if (!s.matches("\\d{17}[\\dX]")) {
            return Optional.of("身份证号应为18位：前17位为数字，最后一位为数字或X");
        }
        if (!PROVINCES.contains(s.substring(0, 2))) {
            return Optional.of("身份证号前两位省级地区码“" + s.substring(0, 2) + "”不存在（GB/T 2260）");
        }
        LocalDate born;
        try {
            born = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("身份证号中的出生日期 " + s.substring(6, 14) + " 不是有效日期");
        }
        if (born.getYear() < 1900 || born.isAfter(today)) {
            return Optional.of("身份证号中的出生日期 " + born + " 不合理");
        }
        if (checkCharacter(s) != s.charAt(17)) {
            return Optional.of("身份证号校验位错误：应为 " + checkCharacter(s) + "，请核对号码");
        }
        if (birthDate != null && !birthDate.equals(born)) {
            return Optional.of("身份证号中的出生日期 " + born + " 与填写的出生日期 " + birthDate + " 不一致");
        }
        if (sex != null) {
            boolean male = (s.charAt(16) - '0') % 2 == 1;
            if (male != "男".equals(sex)) {
                return Optional.of("身份证号第17位表示" + (male ? "男" : "女") + "性，与填写的性别“" + sex + "”不一致");
            }
        }
        return Optional.empty();
    }

    /** Whether a disability certificate number is the member's ID number plus a category 1–7 and a grade 1–4. */
    public static boolean validDisabilityCard(String card, String idNumber) {
        String c = card.trim().toUpperCase();
        return c.length() == 20 && idNumber != null && c.startsWith(idNumber.trim().toUpperCase())
                && c.charAt(18) >= '1' && c.charAt(18) <= '7' && c.charAt(19) >= '1' && c.charAt(19) <= '4';
    }
}
