package cn.shoudi.rules.facts;

import java.time.LocalDate;

/**
 * One household member (家庭成员) as the rules see it.
 *
 * @param name      member's name, never null
 * @param idNumber  18-digit resident ID number, may be null for a newborn not yet registered
 * @param sex       "男" or "女"
 * @param birthDate date of birth, never null
 * @param relation  relation to the head of household (与户主关系), e.g. 户主, 配偶, 之子
 */
public record MemberInput(String name, String idNumber, String sex, LocalDate birthDate, String relation) {
}
