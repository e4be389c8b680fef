package cn.shoudi.assessment;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;

interface Assessments extends ListCrudRepository<Assessment, Long> {

    List<Assessment> findByHouseholdIdOrderByIdDesc(Long householdId);

    @Query("SELECT COUNT(*) FROM assessment WHERE household_id = :householdId")
    long countByHousehold(Long householdId);
}
