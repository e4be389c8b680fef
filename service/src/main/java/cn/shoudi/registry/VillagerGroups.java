package cn.shoudi.registry;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;

interface VillagerGroups extends ListCrudRepository<VillagerGroup, Long> {

    List<VillagerGroup> findByVillageIdOrderById(Long villageId);
}
