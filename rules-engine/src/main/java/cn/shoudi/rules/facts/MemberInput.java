package cn.shoudi.rules.facts;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

/**
 * One household member (家庭成员) as the rules see it: the registry basics and the member-level recorded facts of the
 * {@link FactCatalogue} by key (健康状况, 就学情况, 劳动能力, 基本医保 …). A fact without a value is not recorded; tables
 * treat it as unknown (data-quality rules report it).
 *
 * @param name      member's name, never null
 * @param idNumber  18-digit resident ID number, may be null for a newborn not yet registered
 * @param sex       "男" or "女"
 * @param birthDate date of birth, never null
 * @param relation  relation to the head of household (与户主关系), e.g. 户主, 配偶, 之子, 之女, 父亲, 母亲
 * @param facts     recorded member facts by catalogue key, never null, no null values
 */
public record MemberInput(String name, String idNumber, String sex, LocalDate birthDate, String relation,
                          Map<String, Object> facts) {

    public MemberInput {
        facts = FactMaps.sortedCopy(facts);
    }

    /** A member with only the registry basics; everything else unknown. */
    public MemberInput(String name, String idNumber, String sex, LocalDate birthDate, String relation) {
        this(name, idNumber, sex, birthDate, relation, Map.of());
    }

    /** Age in whole years on a date. */
    public int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    public String schooling() {
        return (String) facts.get("schooling");
    }

    public String schoolStage() {
        return (String) facts.get("schoolStage");
    }

    public Boolean healthExempt() {
        return (Boolean) facts.get("healthExempt");
    }

    public String health() {
        return (String) facts.get("health");
    }

    public String disabilityCardNo() {
        return (String) facts.get("disabilityCardNo");
    }

    public Integer disabilityGrade() {
        return (Integer) facts.get("disabilityGrade");
    }

    public String labour() {
        return (String) facts.get("labour");
    }

    public Boolean medicalInsured() {
        return (Boolean) facts.get("medicalInsured");
    }

    public Boolean seriousIllnessInsured() {
        return (Boolean) facts.get("seriousIllnessInsured");
    }

    public Boolean publicEmployee() {
        return (Boolean) facts.get("publicEmployee");
    }

    public Boolean villageCadre() {
        return (Boolean) facts.get("villageCadre");
    }

    public Boolean employed() {
        return (Boolean) facts.get("employed");
    }
}
