package cn.shoudi.registry;

import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import cn.shoudi.Masked;
import tools.jackson.databind.annotation.JsonSerialize;

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
                         @JsonSerialize(using = Masked.IdNumber.class)
                         String idNumber, String sex, LocalDate birthDate, String relation,
                         String health, Integer disabilityGrade, String schooling, Boolean medicalInsured,
                         String labour, Boolean lowIncomeAllowance, Boolean publicWelfareJob, Boolean chronicCard,
                         String educationAid, Map<String, Object> facts) {

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

    /** Every member-level recorded fact by catalogue key: the basic fields and the facts map; unset ones left out. */
    public Map<String, Object> allFacts() {
        return allFacts(facts, health, disabilityGrade, schooling, medicalInsured, labour);
    }

    /** The member facts of a facts map and the basic fields that are facts. */
    static Map<String, Object> allFacts(Map<String, Object> recorded, String health, Integer disabilityGrade,
                                        String schooling, Boolean medicalInsured, String labour) {
        Map<String, Object> all = new TreeMap<>();
        if (recorded != null) {
            recorded.forEach((k, v) -> HouseholdData.putIfSet(all, k, v));
        }
        HouseholdData.putIfSet(all, "health", health);
        HouseholdData.putIfSet(all, "disabilityGrade", disabilityGrade);
        HouseholdData.putIfSet(all, "schooling", schooling);
        HouseholdData.putIfSet(all, "medicalInsured", medicalInsured);
        HouseholdData.putIfSet(all, "labour", labour);
        return all;
    }

    /** The same person under another name, ID number, sex, birth date or relation; everything else kept. */
    public MemberData withIdentity(String newName, String newIdNumber, String newSex, LocalDate newBirthDate,
                                   String newRelation) {
        return new MemberData(newName, newIdNumber, newSex, newBirthDate, newRelation, health, disabilityGrade,
                schooling, medicalInsured, labour, lowIncomeAllowance, publicWelfareJob, chronicCard, educationAid,
                facts);
    }

    /**
     * The same member with the member facts among {@code values} applied (catalogue key → typed value, null clears):
     * the basic fields where named, every other key into its facts map (where null clears the stored value).
     */
    public MemberData withFactValues(Map<String, ?> values) {
        Map<String, Object> merged = new HashMap<>(facts == null ? Map.of() : facts);
        values.forEach((k, v) -> {
            if (FactCatalogue.STANDARD.get(k).filter(FactDefinition::inFactsMap).isPresent()) {
                merged.put(k, v);
            }
        });
        return new MemberData(name, idNumber, sex, birthDate, relation,
                (String) HouseholdData.pick(values, "health", health),
                (Integer) HouseholdData.pick(values, "disabilityGrade", disabilityGrade),
                (String) HouseholdData.pick(values, "schooling", schooling),
                (Boolean) HouseholdData.pick(values, "medicalInsured", medicalInsured),
                (String) HouseholdData.pick(values, "labour", labour), lowIncomeAllowance, publicWelfareJob,
                chronicCard, educationAid, merged);
    }
}
