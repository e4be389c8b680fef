package cn.shoudi.policy;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

interface PolicyVersions extends ListCrudRepository<PolicyVersion, Long> {

    Optional<PolicyVersion> findFirstByStatusOrderByIdDesc(String status);

    List<PolicyVersion> findAllByOrderByIdDesc();

    List<PolicyVersion> findByStatusAndPublishOnLessThanEqualOrderById(String status, java.time.LocalDate date);
}
