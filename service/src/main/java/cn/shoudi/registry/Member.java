package cn.shoudi.registry;

import org.springframework.data.relational.core.mapping.Table;

import java.time.LocalDate;

/**
 * A household member (家庭成员), stored inside the household aggregate.
 */
@Table("registry_member")
record Member(String name, String idNumber, String sex, LocalDate birthDate, String relation, String health,
              Integer disabilityGrade, String schooling, Boolean medicalInsured, String labour,
              Boolean lowIncomeAllowance, Boolean publicWelfareJob, Boolean chronicCard, String educationAid) {

    MemberData toData() {
        return new MemberData(name, idNumber, sex, birthDate, relation, health, disabilityGrade, schooling,
                medicalInsured, labour, lowIncomeAllowance, publicWelfareJob, chronicCard, educationAid);
    }
}
