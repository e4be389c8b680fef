package cn.shoudi.assessment;

import cn.shoudi.rules.eval.Evaluation;
import cn.shoudi.rules.eval.Evaluator;
import cn.shoudi.rules.facts.HouseholdInput;
import cn.shoudi.rules.table.DecisionTable;
import cn.shoudi.rules.table.Policy;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The benchmark's do-nothing evaluator never calls Drools; the default setting always does. */
class EvaluatorModeUnitTest {

    private static final LocalDate AS_OF = LocalDate.of(2019, 12, 31);

    private final Evaluator evaluator = mock(Evaluator.class);
    private final Policy policy = mock(Policy.class);
    private final HouseholdInput household = mock(HouseholdInput.class);

    @Test
    void noopAnswersEveryApplicableTablesDefaultOutcomeWithoutFindingsAndWithoutCallingDrools() {
        DecisionTable monitoring = mock(DecisionTable.class);
        when(monitoring.id()).thenReturn("monitoring");
        when(monitoring.title()).thenReturn("监测对象识别");
        when(monitoring.defaultOutcome()).thenReturn("不纳入");
        when(policy.tablesOn(AS_OF)).thenReturn(List.of(monitoring));
        when(policy.version()).thenReturn("p-1");
        when(evaluator.policy()).thenReturn(policy);
        when(household.householdId()).thenReturn("H1");

        Evaluation e = EvaluatorMode.NOOP.evaluate(evaluator, household, AS_OF);

        assertThat(e.policyVersion()).isEqualTo("p-1");
        assertThat(e.householdId()).isEqualTo("H1");
        assertThat(e.asOf()).isEqualTo(AS_OF);
        assertThat(e.decision("monitoring").outcome()).isEqualTo("不纳入");
        assertThat(e.findings()).isEmpty();
        verify(evaluator, never()).evaluate(any(), any());
    }

    @Test
    void policyIsTheDefaultAndDelegatesToThePublishedEvaluator() {
        Evaluation expected = new Evaluation("p-1", "H1", AS_OF, java.util.Map.of());
        when(evaluator.evaluate(household, AS_OF)).thenReturn(expected);

        assertThat(new AssessmentProperties("2019-12-31", 0, null).evaluator()).isEqualTo(EvaluatorMode.POLICY);
        assertThat(EvaluatorMode.POLICY.evaluate(evaluator, household, AS_OF)).isSameAs(expected);
    }
}
