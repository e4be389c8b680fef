package cn.shoudi.registry;

import org.springframework.data.relational.core.mapping.Table;

import java.time.LocalDate;

/**
 * One period in which a cadre was the household's helper (帮扶责任人); the current one has no end date. Kept as
 * history when the helper changes.
 */
@Table("registry_helper_assignment")
record HelperAssignment(Long cadreId, LocalDate startDate, LocalDate endDate) {

    boolean current() {
        return endDate == null;
    }

    HelperAssignment endedOn(LocalDate date) {
        return new HelperAssignment(cadreId, startDate, date);
    }
}
