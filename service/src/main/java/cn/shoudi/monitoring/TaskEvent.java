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

    /** The longest note the history keeps (its column): a longer one, composed from what people typed, is cut. */
    static final int MAX_NOTE = 500;

    TaskEvent {
        if (note != null && note.length() > MAX_NOTE) {
            note = note.substring(0, MAX_NOTE - 1) + "…";
        }
    }
}
