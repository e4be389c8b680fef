package cn.shoudi.monitoring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Delivers stored notifications through the channel, oldest first, each claimed by a conditional update so that of
 * several instances one sends it. A failed attempt is recorded (attempts, last error) and tried again after a wait
 * that doubles each time; after the last attempt the message is FAILED and stays in the record. A message claimed by
 * an instance that died before answering is tried again after two minutes (at least once: a robot may show a message
 * twice then, never lose it).
 */
@Service
class NotificationSender {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
    private static final Duration ABANDONED = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final NotificationChannel channel;
    private final NotificationProperties properties;
    private final Clock clock;

    NotificationSender(JdbcClient jdbc, NotificationChannel channel, NotificationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.channel = channel;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${shoudi.notification.send-interval:PT5S}",
            initialDelayString = "${shoudi.notification.send-interval:PT5S}")
    void sendScheduled() {
        if (properties.enabled()) {
            try {
                sendDue();
            } catch (DataAccessException e) {
                log.warn("notifications not sent this time: {}", e.toString());
            }
        }
    }

    /** Sends the messages that are due, at most one batch; returns how many were delivered. */
    int sendDue() {
        Instant now = clock.instant();
        jdbc.sql("UPDATE monitoring_notification SET status = 'PENDING', claimed_at = NULL WHERE status = 'SENDING' "
                + "AND claimed_at < ?").param(Timestamp.from(now.minus(ABANDONED))).update();
        List<Long> due = jdbc.sql("SELECT id FROM monitoring_notification WHERE status = 'PENDING' "
                        + "AND next_attempt_at <= ? ORDER BY id LIMIT " + properties.batch())
                .param(Timestamp.from(now)).query(Long.class).list();
        int delivered = 0;
        for (long id : due) {
            if (jdbc.sql("UPDATE monitoring_notification SET status = 'SENDING', claimed_at = ? WHERE id = ? "
                    + "AND status = 'PENDING'").params(Timestamp.from(clock.instant()), id).update() == 0) {
                continue; // another instance took it
            }
            if (deliver(id)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(long id) {
        var row = jdbc.sql("SELECT content, attempts FROM monitoring_notification WHERE id = ?").param(id)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getInt(2)}).single();
        int attempts = (Integer) row[1] + 1;
        try {
            channel.send((String) row[0]);
            jdbc.sql("UPDATE monitoring_notification SET status = 'SENT', attempts = ?, sent_at = ?, claimed_at = NULL "
                    + "WHERE id = ?").params(attempts, Timestamp.from(clock.instant()), id).update();
            return true;
        } catch (NotificationChannel.NotificationFailedException e) {
            boolean last = attempts >= properties.maxAttempts();
            Instant next = clock.instant().plus(properties.backoff(attempts));
            jdbc.sql("UPDATE monitoring_notification SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?, "
                            + "claimed_at = NULL WHERE id = ?")
                    .params(last ? "FAILED" : "PENDING", attempts, cut(e.getMessage()), Timestamp.from(next), id)
                    .update();
            log.warn("notification {} not delivered (attempt {}{}): {}", id, attempts, last ? ", given up" : "",
                    e.getMessage());
            return false;
        }
    }

    private static String cut(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300);
    }
}
