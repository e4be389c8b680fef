package cn.shoudi.monitoring;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;

interface Tasks extends ListCrudRepository<MonitoringTask, Long> {

    @Query("SELECT * FROM monitoring_task WHERE household_id = :householdId AND open_flag = 1 ORDER BY id")
    List<MonitoringTask> findOpenByHousehold(long householdId);

    @Query("SELECT * FROM monitoring_task WHERE household_id IN (:householdIds) AND open_flag = 1 "
            + "ORDER BY household_id, id")
    List<MonitoringTask> findOpenByHouseholds(java.util.Collection<Long> householdIds);

    @Query("SELECT * FROM monitoring_task WHERE assignee_cadre_id = :cadreId AND open_flag = 1 ORDER BY due_date, id")
    List<MonitoringTask> findOpenByAssignee(long cadreId);

    List<MonitoringTask> findByHouseholdIdOrderById(long householdId);
}
