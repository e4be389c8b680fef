package cn.shoudi.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the monitoring feature; procedures escalate their overdue steps with the same settings.
 *
 * @param escalationInterval how often overdue tasks are escalated
 * @param escalationDueDays  days the next level gets after an escalation
 */
@ConfigurationProperties("shoudi.monitoring")
public record MonitoringProperties(Duration escalationInterval, int escalationDueDays) {

    public MonitoringProperties {
        escalationInterval = escalationInterval == null ? Duration.ofMinutes(10) : escalationInterval;
        escalationDueDays = escalationDueDays <= 0 ? 3 : escalationDueDays;
    }
}
