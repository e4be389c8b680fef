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
 * @param health          健康状况: 健康, 长期慢性病, 大病, 残疾; optional
 * @param disabilityGrade 残疾等级 1 (most severe) to 4; optional
 * @param schooling       就学情况: 在校, 辍学, 送教上门, 未入学, 学前, 已毕业, 非在校; optional
 * @param medicalInsured  参加基本医保; optional
 * @param labour          劳动能力: 普通劳动力, 技能劳动力, 弱劳动力, 丧失劳动力, 无劳动力; optional
 * @param lowIncomeAllowance covered by the household's 低保 (minimum living allowance); optional
 * @param publicWelfareJob   holds a public-welfare job (公益性岗位); optional
 * @param chronicCard        holds a chronic-disease card (慢性病卡); optional
 * @param educationAid       education aid (教育资助) received this school year: 学前, 义务教育, 高中阶段 or 高等教育; optional
 * @param facts              member facts of the fact catalogue recorded beyond these fields (学段, 身体原因免学, 残疾证号,
 *                           大病保险, 财政供养, 村干部, 务工), by catalogue key; on an update a key set to null clears it, a key
 *                           left out keeps the stored value; optional
 */
public record MemberData(String name,
                         @tools.jackson.databind.annotation.JsonSerialize(using = cn.shoudi.Masked.IdNumber.class)
                         String idNumber, String sex, LocalDate birthDate, String relation,
                         String health, Integer disabilityGrade, String schooling, Boolean medicalInsured,
                         String labour, Boolean lowIncomeAllowance, Boolean publicWelfareJob, Boolean chronicCard,
                         String educationAid, java.util.Map<String, Object> facts) {

    /** A member without recorded facts beyond the basic fields (a stored member keeps its own). */
    public MemberData(String name, String idNumber, String sex, LocalDate birthDate, String relation,
                      String health, Integer disabilityGrade, String schooling, Boolean medicalInsured,
                      String labour, Boolean lowIncomeAllowance, Boolean publicWelfareJob, Boolean chronicCard,
                      String educationAid) {
        this(name, idNumber, sex, birthDate, relation, health, disabilityGrade, schooling, medicalInsured, labour,
                lowIncomeAllowance, publicWelfareJob, chronicCard, educationAid, null);
    }

    /** A member without the ledger fields (低保, 公益性岗位, 慢病卡, 教育资助). */
    public MemberData(String name, String idNumber, String sex, LocalDate birthDate, String relation,
                      String health, Integer disabilityGrade, String schooling, Boolean medicalInsured,
                      String labour) {
        this(name, idNumber, sex, birthDate, relation, health, disabilityGrade, schooling, medicalInsured, labour,
                null, null, null, null);
    }

    /** A member with only the basics recorded. */
    public MemberData(String name, String idNumber, String sex, LocalDate birthDate, String relation) {
        this(name, idNumber, sex, birthDate, relation, null, null, null, null, null);
    }
}
