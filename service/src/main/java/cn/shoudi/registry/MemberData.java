package cn.shoudi.registry;

import java.time.LocalDate;

/**
 * A member as submitted by a client.
 *
 * @param name      name (姓名)
 * @param idNumber  18-digit resident ID number (身份证号), optional for a newborn
 * @param sex       男 or 女
 * @param birthDate date of birth
 * @param relation  relation to the head of household (与户主关系): 户主, 配偶, 之子 …
 */
public record MemberData(String name, String idNumber, String sex, LocalDate birthDate, String relation) {
}
