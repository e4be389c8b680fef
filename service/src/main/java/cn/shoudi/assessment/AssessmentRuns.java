package cn.shoudi.assessment;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;

interface AssessmentRuns extends ListCrudRepository<AssessmentRun, Long> {

    List<AssessmentRun> findByStatusOrderById(String status);
}
