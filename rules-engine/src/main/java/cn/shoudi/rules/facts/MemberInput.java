package cn.shoudi.rules.facts;

import java.time.LocalDate;

/**
 * One household member (家庭成员) as the rules see it. Every field after {@code relation} may be null, meaning not
 * recorded; tables treat null as unknown (data-quality rules report it).
 *
 * @param name                  member's name, never null
 * @param idNumber              18-digit resident ID number, may be null for a newborn not yet registered
 * @param sex                   "男" or "女"
 * @param birthDate             date of birth, never null
 * @param relation              relation to the head of household (与户主关系), e.g. 户主, 配偶, 之子, 之女, 父亲, 母亲
 * @param schooling             在校, 辍学, 送教上门, 未入学, 学前, 已毕业, 非在校
 * @param schoolStage           学前, 小学, 初中, 高中, 中职, 大专及以上
 * @param healthExempt          身体原因不具备学习条件 (health makes schooling impossible)
 * @param health                健康, 长期慢性病, 大病, 残疾
 * @param disabilityCardNo      20-digit disability certificate number (残疾人证号), or null
 * @param disabilityGrade       disability grade 1 (most severe) to 4, or null
 * @param labour                普通劳动力, 技能劳动力, 弱劳动力, 丧失劳动力, 无劳动力
 * @param medicalInsured        enrolled in basic medical insurance (基本医保)
 * @param seriousIllnessInsured covered by serious-illness insurance (大病保险)
 * @param publicEmployee        paid by public finance on a formal post (财政供养/公职人员)
 * @param villageCadre          current village cadre (村四职/村三委干部)
 * @param employed              working away or locally for a wage (务工)
 */
public record MemberInput(String name, String idNumber, String sex, LocalDate birthDate, String relation,
                          String schooling, String schoolStage, Boolean healthExempt, String health,
                          String disabilityCardNo, Integer disabilityGrade, String labour, Boolean medicalInsured,
                          Boolean seriousIllnessInsured, Boolean publicEmployee, Boolean villageCadre,
                          Boolean employed) {

    /** A member with only the registry basics; everything else unknown. */
    public MemberInput(String name, String idNumber, String sex, LocalDate birthDate, String relation) {
        this(name, idNumber, sex, birthDate, relation, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** Age in whole years on a date. */
    public int ageOn(LocalDate date) {
        return java.time.Period.between(birthDate, date).getYears();
    }
}
