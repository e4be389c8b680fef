package cn.shoudi.registry;

import org.springframework.data.relational.core.mapping.Table;

import java.time.LocalDate;
import java.util.Map;

/**
 * A household member (家庭成员), stored inside the household aggregate. Recorded facts of the catalogue beyond the
 * basic columns are kept in {@code facts} (see {@link RecordedFacts}).
 */
@Table("registry_member")
record Member(String name, String idNumber, String sex, LocalDate birthDate, String relation, String health,
              Integer disabilityGrade, String schooling, Boolean medicalInsured, String labour,
              Boolean lowIncomeAllowance, Boolean publicWelfareJob, Boolean chronicCard, String educationAid,
              String facts) {

    MemberData toData() {
        return new MemberData(name, idNumber, sex, birthDate, relation, health, disabilityGrade, schooling,
                medicalInsured, labour, lowIncomeAllowance, publicWelfareJob, chronicCard, educationAid,
                RecordedFacts.read(facts));
    }

    /** The member-level facts the rules read: the basic columns and the {@code facts} column. */
    Map<String, Object> factValues() {
        return MemberData.allFacts(RecordedFacts.read(facts), health, disabilityGrade, schooling, medicalInsured,
                labour);
    }
}
