package cn.shoudi.registry;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A cadre (干部) who can be assigned follow-up work, working in a village or, with no village, for the township. An
 * inactive cadre (transferred, left) gets no new work.
 */
@Table("registry_cadre")
record Cadre(@Id Long id, String name,
             @tools.jackson.databind.annotation.JsonSerialize(using = cn.shoudi.Masked.Phone.class) String phone, CadreRole role, Long villageId, boolean active, Long townshipId) {
}
