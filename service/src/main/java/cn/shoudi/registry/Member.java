package cn.shoudi.registry;

import org.springframework.data.relational.core.mapping.Table;

import java.time.LocalDate;

/**
 * A household member (家庭成员), stored inside the household aggregate.
 */
@Table("registry_member")
record Member(String name, String idNumber, String sex, LocalDate birthDate, String relation, String health,
              Integer disabilityGrade, String schooling, Boolean medicalInsured, String labour) {
}
