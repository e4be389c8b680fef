package cn.shoudi.monitoring;

import cn.shoudi.registry.Measure;
import cn.shoudi.assessment.FindingView;
import cn.shoudi.registry.Responsible;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The task lifecycle OPEN → ACKNOWLEDGED → VISITED → RESOLVED, plus CLOSED and ESCALATED: every action from every
 * state, legal ones recorded in history, illegal ones refused with a message naming both states.
 */
class TaskLifecycleUnitTest {

    private static final Instant NOW = Instant.parse("2021-12-31T08:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2021, 12, 31);
    private static final FindingView FINDING = new FindingView("monitoring", "监测对象纳入", "monitoring.xlsx",
            "监测对象纳入", 10, "M-1", "脱贫不稳定户", "收入低于监测线",
            Map.of("task_code", "MON-VERIFY", "task_type", "入户核实", "due_days", "3"), List.of(), List.of());

    private static MonitoringTask inState(String state) {
        MonitoringTask t = MonitoringTask.open(1L, 1L, 1L, FINDING, "MON-VERIFY",
                new Responsible(7L, Responsible.Level.HELPER), NOW, TODAY);
        switch (state) {
            case "OPEN" -> { }
            case "ACKNOWLEDGED" -> t.acknowledge(7L, NOW);
            case "VISITED" -> visit(t);
            case "ESCALATED" -> escalate(t);
            case "RESOLVED" -> { visit(t); t.resolve(7L, Resolution.ENTERED_MONITORING, "已纳入", NOW); }
            case "CLOSED" -> t.close(7L, "重复任务", NOW);
            default -> throw new IllegalArgumentException(state);
        }
        assertThat(t.status().name()).isEqualTo(state);
        return t;
    }

    private static void visit(MonitoringTask t) {
        t.recordVisit(new Visit(TODAY, 7L, "家中有重病患者", "MEDICAL_ASSISTANCE", null, NOW, null, null),
                List.of(Measure.MEDICAL_ASSISTANCE), NOW);
    }

    private static void escalate(MonitoringTask t) {
        t.escalate(new Responsible(8L, Responsible.Level.GROUP_CADRE), TODAY.plusDays(3), NOW);
    }

    private static final Map<String, Consumer<MonitoringTask>> ACTIONS = Map.of(
            "acknowledge", t -> t.acknowledge(7L, NOW),
            "visit", TaskLifecycleUnitTest::visit,
            "resolve", t -> t.resolve(7L, Resolution.NOT_ENTERED, null, NOW),
            "close", t -> t.close(7L, "条件已消除，经核实关闭", NOW),
            "escalate", TaskLifecycleUnitTest::escalate);

    @ParameterizedTest(name = "{0} + {1} → {2}")
    @CsvSource(textBlock = """
            OPEN,         acknowledge, ACKNOWLEDGED
            OPEN,         visit,       VISITED
            OPEN,         resolve,     -
            OPEN,         close,       CLOSED
            OPEN,         escalate,    ESCALATED
            ACKNOWLEDGED, acknowledge, -
            ACKNOWLEDGED, visit,       VISITED
            ACKNOWLEDGED, resolve,     -
            ACKNOWLEDGED, close,       CLOSED
            ACKNOWLEDGED, escalate,    ESCALATED
            VISITED,      acknowledge, -
            VISITED,      visit,       VISITED
            VISITED,      resolve,     RESOLVED
            VISITED,      close,       CLOSED
            VISITED,      escalate,    ESCALATED
            ESCALATED,    acknowledge, ACKNOWLEDGED
            ESCALATED,    visit,       VISITED
            ESCALATED,    resolve,     -
            ESCALATED,    close,       CLOSED
            ESCALATED,    escalate,    ESCALATED
            RESOLVED,     acknowledge, -
            RESOLVED,     visit,       -
            RESOLVED,     resolve,     -
            RESOLVED,     close,       -
            RESOLVED,     escalate,    -
            CLOSED,       acknowledge, -
            CLOSED,       visit,       -
            CLOSED,       resolve,     -
            CLOSED,       close,       -
            CLOSED,       escalate,    -
            """)
    void everyActionFromEveryStateIsRecordedOrRefusedNamingBothStates(String from, String action, String to) {
        MonitoringTask t = inState(from);
        int historyBefore = t.history().size();
        if (to.equals("-")) {
            TaskStatus target = switch (action) {
                case "acknowledge" -> TaskStatus.ACKNOWLEDGED;
                case "visit" -> TaskStatus.VISITED;
                case "resolve" -> TaskStatus.RESOLVED;
                case "close" -> TaskStatus.CLOSED;
                default -> TaskStatus.ESCALATED;
            };
            assertThatThrownBy(() -> ACTIONS.get(action).accept(t))
                    .isInstanceOf(IllegalTaskTransitionException.class)
                    .hasMessageContaining("「" + TaskStatus.valueOf(from).label() + "」")
                    .hasMessageContaining("「" + target.label() + "」");
            assertThat(t.status().name()).isEqualTo(from);
            assertThat(t.history()).hasSize(historyBefore);
        } else {
            ACTIONS.get(action).accept(t);
            assertThat(t.status().name()).isEqualTo(to);
            assertThat(t.history()).hasSize(historyBefore + 1);
            assertThat(t.history().get(historyBefore).action()).isEqualTo(to);
            assertThat(t.status().open()).isEqualTo(!to.equals("RESOLVED") && !to.equals("CLOSED"));
        }
    }
}
