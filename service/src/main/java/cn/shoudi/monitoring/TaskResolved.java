package cn.shoudi.monitoring;

import java.time.LocalDate;

/**
 * A task was resolved (办结), published in the resolving transaction: a resolution of 纳入监测 or 风险消除 starts the
 * procedure that decides it, with the task's last visit as its 入户核实.
 *
 * @param taskType     the task's type (入户核实, 先行帮扶 for the 绿色通道 …)
 * @param findingFile  the workbook of the finding that raised the task
 * @param visitDate    the last visit's date (today when there was none)
 * @param visitFindings what the last visit found, or the resolution note
 * @param category     the 监测类型 the cadre proposed, or null
 */
public record TaskResolved(long taskId, long householdId, Resolution resolution, String taskType, String findingFile,
                           String findingCode, long cadreId, LocalDate visitDate, String visitFindings,
                           String category) {
}
