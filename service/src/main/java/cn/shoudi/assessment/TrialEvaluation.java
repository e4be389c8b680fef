package cn.shoudi.assessment;

import cn.shoudi.InvalidRequestException;
import cn.shoudi.registry.HouseholdNotFoundException;
import cn.shoudi.registry.HouseholdSnapshot;
import cn.shoudi.registry.Registry;
import cn.shoudi.rules.eval.Evaluation;
import cn.shoudi.rules.params.MissingParameterException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;

/**
 * A trial evaluation (试算): what the published policy concludes for a household's stored data, with its department
 * signals, as of a chosen date, explained like an assessment but stored nowhere. Staff use it to see how a household
 * would be decided in another year; tests use it to drive every example of the workbooks through the product.
 */
@Service
public class TrialEvaluation {

    private final Registry registry;
    private final AssessmentService assessments;
    private final ActivePolicy policy;
    private final AssessmentProperties properties;
    private final Clock clock;

    TrialEvaluation(Registry registry, AssessmentService assessments, ActivePolicy policy,
                    AssessmentProperties properties, Clock clock) {
        this.registry = registry;
        this.assessments = assessments;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param asOf the date to evaluate as of, or null for the service's evaluation date
     * @throws HouseholdNotFoundException when the household does not exist or is not active
     * @throws InvalidRequestException    when a parameter the tables need has no value on that date
     */
    @Transactional(readOnly = true)
    public Evaluation evaluate(long householdId, LocalDate asOf) {
        HouseholdSnapshot snapshot = registry.snapshot(householdId)
                .orElseThrow(() -> new HouseholdNotFoundException(householdId));
        LocalDate date = asOf == null ? properties.asOfDate(clock) : asOf;
        try {
            return policy.evaluator().evaluate(assessments.complete(snapshot).input(), date);
        } catch (MissingParameterException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }
}
