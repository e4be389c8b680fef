package cn.shoudi.registry;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A villager group (村民小组) with the cadre stationed in it (驻组干部), if any. */
@Table("registry_villager_group")
record VillagerGroup(@Id Long id, Long villageId, String name, Long cadreId) {
}
