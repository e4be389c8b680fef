package cn.shoudi.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Micrometer counters of tasks opened, closed and escalated. */
@Component
class TaskMetrics {

    private final MeterRegistry registry;

    TaskMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void opened(String taskCode) {
        registry.counter("shoudi.tasks.opened", "code", taskCode).increment();
    }

    void closed(String how) {
        registry.counter("shoudi.tasks.closed", "how", how).increment();
    }

    void escalated(String toLevel) {
        registry.counter("shoudi.tasks.escalated", "to", toLevel).increment();
    }
}
