package cn.shoudi.procedure;

import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a procedure's record (程序记录): a step taken, an escalation or a withdrawal.
 *
 * @param step       the step, or null for an entry that is not a step (escalation, withdrawal)
 * @param outcome    what happened ({@link StepOutcome} name, or ESCALATED / WITHDRAWN)
 * @param stepDate   the date it happened (the meeting, the notice, the approval), as recorded
 * @param actor      the account that recorded it ("system" for escalation)
 * @param actorRole  the account's role
 * @param note       what was said (e.g. 参会人数、表决结果、异议内容), or null
 * @param reference  a document or notice number (文号), or null
 * @param recordedAt when it was recorded
 */
@Table("procedure_step")
record StepRecord(String step, String outcome, LocalDate stepDate, String actor, String actorRole, String note,
                  String reference, Instant recordedAt) {

    /** The longest note the record keeps (its column): a longer one, composed from what people typed, is cut. */
    static final int MAX_NOTE = 1000;

    StepRecord {
        if (note != null && note.length() > MAX_NOTE) {
            note = note.substring(0, MAX_NOTE - 1) + "…";
        }
    }
}
