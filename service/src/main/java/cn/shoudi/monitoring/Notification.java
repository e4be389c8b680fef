package cn.shoudi.monitoring;

import java.time.Instant;

/**
 * One message to a cadre and its delivery record (消息及发送记录).
 *
 * @param kind     NEW_TASKS, ESCALATED, DUE_SOON or DIGEST
 * @param cadreId  the cadre it is for, or null for a village committee
 * @param status   PENDING (waiting, also after a failed attempt), SENDING, SENT or FAILED (given up)
 * @param attempts attempts so far (more than 1: retried)
 */
public record Notification(long id, String kind, Long cadreId, Long villageId, String channel, String content,
                           String status, int attempts, String lastError, Instant nextAttemptAt, Instant createdAt,
                           Instant sentAt) {
}
