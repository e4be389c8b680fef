package cn.shoudi.monitoring;

import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/**
 * One entry of a task's history.
 *
 * @param at     when
 * @param action what happened, e.g. OPENED, SEEN_AGAIN, CONDITION_CLEARED
 * @param note   details in Chinese
 */
@Table("monitoring_task_history")
record TaskEvent(Instant at, String action, String note) {
}
