package cn.shoudi.monitoring;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;

interface Tasks extends ListCrudRepository<MonitoringTask, Long> {

    @Query("SELECT * FROM monitoring_task WHERE household_id = :householdId AND open_flag = 1 ORDER BY id")
    List<MonitoringTask> findOpenByHousehold(long householdId);

    @Query("SELECT * FROM monitoring_task WHERE assignee_cadre_id = :cadreId AND open_flag = 1 ORDER BY due_date, id")
    List<MonitoringTask> findOpenByAssignee(long cadreId);

    List<MonitoringTask> findByHouseholdIdOrderById(long householdId);

    /** Whether a task with this code was raised for the household from this assessment on (open or not). */
    @Query("SELECT COUNT(*) > 0 FROM monitoring_task WHERE household_id = :householdId AND task_code = :taskCode"
            + " AND raised_assessment_id >= :assessmentId")
    boolean raisedSince(long householdId, String taskCode, long assessmentId);
}
