package cn.shoudi.assessment;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;

interface Assessments extends ListCrudRepository<Assessment, Long> {

    List<Assessment> findByHouseholdIdOrderByIdDesc(Long householdId);

    List<Assessment> findTop2ByHouseholdIdOrderByIdDesc(Long householdId);
}
