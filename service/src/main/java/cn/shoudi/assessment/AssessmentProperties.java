package cn.shoudi.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Settings of the assessment feature.
 *
 * @param asOf        fixed as-of date for evaluations (yyyy-MM-dd); empty for today in UTC
 * @param runPageSize households per page (and checkpoint) of a full re-evaluation
 * @param evaluator   {@code policy} (default); {@code noop} only for benchmarks, see {@link EvaluatorMode}
 */
@ConfigurationProperties("shoudi.assessment")
record AssessmentProperties(String asOf, int runPageSize, EvaluatorMode evaluator) {

    AssessmentProperties {
        runPageSize = runPageSize <= 0 ? 500 : runPageSize;
        evaluator = evaluator == null ? EvaluatorMode.POLICY : evaluator;
    }

    LocalDate asOfDate(Clock clock) {
        return asOf == null || asOf.isBlank() ? LocalDate.now(clock) : LocalDate.parse(asOf.trim());
    }
}
