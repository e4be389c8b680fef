package cn.shoudi.policy;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;

interface PolicyAudits extends ListCrudRepository<PolicyAudit, Long> {

    List<PolicyAudit> findAllByOrderByIdDesc();
}
