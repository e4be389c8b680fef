package cn.shoudi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Hands the outbox's failed event publications to their listeners again while the service runs, not only at the next
 * start: a listener that failed (its database node was down, or it lost a race more times than it retries) and a
 * publication that Modulith's staleness check marked failed (its instance died while it was queued or running; see
 * {@code spring.modulith.events.staleness.*}). Every listener is idempotent, so a publication handled twice (two
 * instances resubmitting at once) does no harm.
 */
@Component
class OutboxResubmission {

    private static final Logger log = LoggerFactory.getLogger(OutboxResubmission.class);

    private final FailedEventPublications failed;
    private final Duration minAge;

    OutboxResubmission(FailedEventPublications failed,
                       @Value("${shoudi.outbox.resubmit-after:PT1M}") Duration minAge) {
        this.failed = failed;
        this.minAge = minAge;
    }

    @Scheduled(fixedDelayString = "${shoudi.outbox.resubmit-interval:PT1M}",
            initialDelayString = "${shoudi.outbox.resubmit-interval:PT1M}")
    void resubmit() {
        try {
            failed.resubmit(ResubmissionOptions.defaults().withMinAge(minAge));
        } catch (RuntimeException e) {
            log.warn("cannot resubmit failed event publications now; trying again later: {}", e.toString());
        }
    }
}
