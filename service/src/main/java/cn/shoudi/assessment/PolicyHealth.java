package cn.shoudi.assessment;

import cn.shoudi.rules.table.DecisionTable;
import cn.shoudi.rules.table.Policy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the published policy can evaluate today and in the coming weeks: a table that applies on a date but lacks
 * a parameter value for it (e.g. next year's monitoring line) would make every evaluation fail. DOWN when today is
 * affected, UP with warnings when a date within the look-ahead is; logged at start-up and daily.
 */
@Component("policy")
class PolicyHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(PolicyHealth.class);
    private static final int LOOK_AHEAD_DAYS = 60;

    private final ActivePolicy policy;
    private final AssessmentProperties properties;
    private final Clock clock;

    PolicyHealth(ActivePolicy policy, AssessmentProperties properties, Clock clock) {
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Health health() {
        LocalDate asOf = properties.asOfDate(clock);
        List<String> today = missing(asOf);
        List<String> soon = new ArrayList<>();
        if (properties.asOf() == null || properties.asOf().isBlank()) {
            for (LocalDate d = asOf.plusDays(1); !d.isAfter(asOf.plusDays(LOOK_AHEAD_DAYS)); d = d.plusDays(1)) {
                for (String m : missing(d)) {
                    if (!soon.contains(m)) {
                        soon.add(m);
                    }
                }
            }
        }
        Health.Builder builder = today.isEmpty() ? Health.up() : Health.down();
        builder.withDetail("version", policy.version()).withDetail("asOf", asOf.toString());
        if (!today.isEmpty()) {
            builder.withDetail("missingToday", today);
        }
        if (!soon.isEmpty()) {
            builder.withDetail("missingWithin" + LOOK_AHEAD_DAYS + "Days", soon);
        }
        return builder.build();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 0 6 * * *", zone = "UTC")
    void report() {
        Health h = health();
        if (!h.getDetails().containsKey("missingToday") && h.getDetails().size() <= 2) {
            return;
        }
        log.warn("published policy {} lacks parameter values: {}", policy.version(), h.getDetails());
    }

    /** "monitoring.xlsx: monitoring_line 2027" for every parameter a table applying on {@code date} lacks. */
    private List<String> missing(LocalDate date) {
        Policy p = policy.evaluator().policy();
        List<String> out = new ArrayList<>();
        for (DecisionTable t : p.tablesOn(date)) {
            for (String code : p.parameterCodes(t)) {
                if (p.parameters().find(code, date).isEmpty()) {
                    out.add(t.fileName() + ": " + code + " " + date.getYear());
                }
            }
        }
        return out;
    }
}
