package cn.shoudi.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change of a household's status (户状态变更记录), kept whole: the status after it, what decided it and who recorded it.
 *
 * @param kind        what decided it
 * @param effectiveOn the decision's date
 * @param status      the status after the change
 * @param summary     old → new in Chinese
 * @param reference   the decision's document or notice number, or null
 * @param procedureId the procedure that decided it, or null (registration, correction)
 * @param reason      a correction's reason, or null
 * @param actor       the account that recorded it
 */
public record StatusChange(long id, long householdId, DecisionKind kind, LocalDate effectiveOn, HouseholdStatus status,
                           String summary, String reference, Long procedureId, String reason, String actor,
                           Instant recordedAt) {
}
