package cn.shoudi.registry;

import java.time.LocalDate;

/**
 * A decision that changes a household's status, as the procedure that took it reports it.
 *
 * @param kind        what was decided; never {@link DecisionKind#REGISTERED} or {@link DecisionKind#CORRECTED}
 * @param effectiveOn the date of the decision (县级审定, 公告), never in the future
 * @param category    for {@link DecisionKind#ENTERED_MONITORING}, the 监测类型; else null
 * @param reference   the decision's document or notice number (文号), or null
 * @param procedureId the procedure that took it
 * @param actor       the account that recorded the last step
 */
public record Decision(DecisionKind kind, LocalDate effectiveOn, String category, String reference, Long procedureId,
                       String actor) {
}
