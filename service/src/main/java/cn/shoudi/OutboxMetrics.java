package cn.shoudi;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox backlog: events committed but not yet handled by their listeners. */
@Configuration(proxyBeanMethods = false)
class OutboxMetrics {

    OutboxMetrics(MeterRegistry registry, JdbcClient jdbc) {
        Gauge.builder("shoudi.outbox.backlog", () -> jdbc
                        .sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE completion_date IS NULL")
                        .query(Long.class).single())
                .description("event publications not yet completed").register(registry);
    }
}
