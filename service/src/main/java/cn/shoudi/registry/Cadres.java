package cn.shoudi.registry;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;

interface Cadres extends ListCrudRepository<Cadre, Long> {

    List<Cadre> findByVillageIdAndRoleAndActiveTrueOrderById(Long villageId, CadreRole role);
}
