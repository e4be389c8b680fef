package cn.shoudi.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of cadres' notifications (消息提醒); notifications are off while no webhook is configured.
 *
 * @param webhookUrl  the group robot's address (企业微信/政务微信 or 钉钉 群机器人 webhook), empty to send nothing
 * @param dueSoonDays a task due within this many days (today included) is announced once as 即将到期
 * @param newWithin   tasks opened longer ago than this are not announced as new (e.g. when notifications are turned
 *                    on for a township that already has tasks)
 * @param maxAttempts attempts before a message is given up (FAILED)
 * @param retryBase   wait after the first failed attempt; it doubles with every further failure, up to retryMax
 * @param retryMax    the longest wait between attempts
 * @param batch       messages sent per round at most (group robots accept about 20 a minute)
 */
@ConfigurationProperties("shoudi.notification")
public record NotificationProperties(String webhookUrl, int dueSoonDays, Duration newWithin, int maxAttempts,
                                     Duration retryBase, Duration retryMax, int batch) {

    public NotificationProperties {
        webhookUrl = webhookUrl == null ? "" : webhookUrl.trim();
        dueSoonDays = dueSoonDays <= 0 ? 2 : dueSoonDays;
        newWithin = newWithin == null ? Duration.ofDays(1) : newWithin;
        maxAttempts = maxAttempts <= 0 ? 12 : maxAttempts;
        retryBase = retryBase == null ? Duration.ofSeconds(10) : retryBase;
        retryMax = retryMax == null ? Duration.ofMinutes(30) : retryMax;
        batch = batch <= 0 ? 10 : batch;
    }

    public boolean enabled() {
        return !webhookUrl.isEmpty();
    }

    /** The wait after {@code failures} failed attempts. */
    Duration backoff(int failures) {
        Duration d = retryBase.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
        return d.compareTo(retryMax) > 0 ? retryMax : d;
    }
}
