package cn.shoudi.registry;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

interface Households extends ListCrudRepository<Household, Long> {

    Optional<Household> findByHouseholdNo(String householdNo);

    List<Household> findByVillageIdOrderById(Long villageId);
}
