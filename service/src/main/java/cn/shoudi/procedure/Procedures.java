package cn.shoudi.procedure;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;

/** Stored procedures (程序), loaded and saved whole with their record. */
interface Procedures extends ListCrudRepository<Procedure, Long> {

    @Query("SELECT * FROM procedure_case WHERE household_id = :householdId ORDER BY id DESC")
    List<Procedure> findByHousehold(long householdId);

    @Query("SELECT * FROM procedure_case WHERE household_id = :householdId AND kind = :kind AND open_flag = 1")
    List<Procedure> findOpen(long householdId, String kind);
}
