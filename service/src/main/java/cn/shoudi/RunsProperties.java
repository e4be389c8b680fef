package cn.shoudi;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of background runs (imports, simulations, full re-evaluations).
 *
 * @param staleAfter        a run whose owner has not heartbeated for this long is taken over by another instance
 * @param heartbeatInterval how often an instance renews the runs it owns; well below {@code staleAfter}
 * @param takeoverInterval  how often an instance looks for stale runs to take over
 */
@ConfigurationProperties("shoudi.runs")
public record RunsProperties(Duration staleAfter, Duration heartbeatInterval, Duration takeoverInterval) {

    public RunsProperties {
        staleAfter = staleAfter == null ? Duration.ofSeconds(30) : staleAfter;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(5) : heartbeatInterval;
        takeoverInterval = takeoverInterval == null ? Duration.ofSeconds(10) : takeoverInterval;
        if (!heartbeatInterval.multipliedBy(2).minus(staleAfter).isNegative()) {
            throw new IllegalArgumentException("shoudi.runs.heartbeat-interval (" + heartbeatInterval
                    + ") must be less than half of shoudi.runs.stale-after (" + staleAfter + ")");
        }
    }
}
