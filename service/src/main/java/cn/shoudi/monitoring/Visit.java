package cn.shoudi.monitoring;

import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A home visit (入户走访) recorded on a task.
 *
 * @param visitDate    when the visit took place
 * @param cadreId      who visited
 * @param findings     what was found
 * @param measures     measures chosen, comma-separated enum names
 * @param otherMeasure text of the 其他 measure, if chosen
 * @param recordedAt   when it was recorded
 * @param rigidSpendResolved 大额刚性支出已解决, as assessed at the visit, or null
 * @param newRiskDetected    有新风险, as assessed at the visit, or null
 */
@Table("monitoring_task_visit")
record Visit(LocalDate visitDate, Long cadreId, String findings, String measures, String otherMeasure,
             Instant recordedAt, Boolean rigidSpendResolved, Boolean newRiskDetected) {
}
