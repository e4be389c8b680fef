package cn.shoudi.registry;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

interface Households extends ListCrudRepository<Household, Long> {

    /** The id of the household with this number, without loading the aggregate (validation of every registration). */
    @org.springframework.data.jdbc.repository.query.Query(
            "SELECT id FROM registry_household WHERE household_no = :householdNo")
    Optional<Long> findIdByHouseholdNo(String householdNo);

    List<Household> findByVillageIdOrderById(Long villageId);
}
