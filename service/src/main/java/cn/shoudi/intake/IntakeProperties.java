package cn.shoudi.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Intake settings.
 *
 * @param maxBatchRecords most records one department batch may hold (a larger file is refused whole, to be split)
 */
@ConfigurationProperties("shoudi.intake")
record IntakeProperties(int maxBatchRecords) {

    IntakeProperties {
        maxBatchRecords = maxBatchRecords <= 0 ? 20_000 : maxBatchRecords;
    }
}
