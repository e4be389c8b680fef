package cn.shoudi;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Removes generated households and everything derived from them, so later tests see a small registry. */
public final class TestCleanup {

    private TestCleanup() {
    }

    /** Deletes the households selected by {@code where} (a condition on registry_household) and their traces. */
    public static void deleteHouseholds(JdbcClient jdbc, String where, Object... params) {
        String ids = "SELECT id FROM registry_household WHERE " + where;
        String tasks = "SELECT id FROM monitoring_task WHERE household_id IN (" + ids + ")";
        String assessments = "SELECT id FROM assessment WHERE household_id IN (" + ids + ")";
        jdbc.sql("DELETE FROM monitoring_task_history WHERE task_id IN (" + tasks + ")").params(params).update();
        jdbc.sql("DELETE FROM monitoring_task_visit WHERE task_id IN (" + tasks + ")").params(params).update();
        jdbc.sql("DELETE FROM monitoring_task WHERE household_id IN (" + ids + ")").params(params).update();
        jdbc.sql("DELETE FROM assessment_finding WHERE assessment_id IN (" + assessments + ")").params(params).update();
        jdbc.sql("DELETE FROM assessment_decision WHERE assessment_id IN (" + assessments + ")").params(params).update();
        jdbc.sql("DELETE FROM assessment WHERE household_id IN (" + ids + ")").params(params).update();
        jdbc.sql("DELETE FROM assessment_head WHERE household_id IN (" + ids + ")").params(params).update();
        jdbc.sql("DELETE FROM registry_member WHERE household_id IN (" + ids + ")").params(params).update();
        jdbc.sql("DELETE FROM registry_member_event WHERE household_id IN (" + ids + ")").params(params).update();
        jdbc.sql("DELETE FROM registry_helper_assignment WHERE household_id IN (" + ids + ")").params(params).update();
        jdbc.sql("DELETE FROM registry_fact_change WHERE household_id IN (" + ids + ")").params(params).update();
        jdbc.sql("DELETE FROM intake_signal WHERE household_id IN (" + ids + ")").params(params).update();
        jdbc.sql("DELETE FROM registry_status_change WHERE household_id IN (" + ids + ")").params(params).update();
        jdbc.sql("DELETE FROM registry_measure WHERE household_id IN (" + ids + ")").params(params).update();
        jdbc.sql("DELETE FROM monitoring_household_visit WHERE household_id IN (" + ids + ")").params(params).update();
        String procedures = "SELECT id FROM procedure_case WHERE household_id IN (" + ids + ")";
        jdbc.sql("DELETE FROM procedure_step WHERE procedure_id IN (" + procedures + ")").params(params).update();
        jdbc.sql("DELETE FROM procedure_case WHERE household_id IN (" + ids + ")").params(params).update();
        jdbc.sql("DELETE FROM registry_household WHERE " + where).params(params).update();
    }

    /** Deletes the households' monitoring tasks with their history and visits. */
    public static void deleteTasks(JdbcClient jdbc, Long... householdIds) {
        for (Long h : householdIds) {
            String tasks = "SELECT id FROM monitoring_task WHERE household_id = ?";
            jdbc.sql("DELETE FROM monitoring_task_history WHERE task_id IN (" + tasks + ")").param(h).update();
            jdbc.sql("DELETE FROM monitoring_task_visit WHERE task_id IN (" + tasks + ")").param(h).update();
            jdbc.sql("DELETE FROM monitoring_task WHERE household_id = ?").param(h).update();
        }
    }
}
