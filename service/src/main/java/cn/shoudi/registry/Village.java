package cn.shoudi.registry;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An administrative village (行政村), in a township (乡镇) when one is recorded. */
@Table("registry_village")
record Village(@Id Long id, String code, String name, boolean poorVillage, Long townshipId) {
}
