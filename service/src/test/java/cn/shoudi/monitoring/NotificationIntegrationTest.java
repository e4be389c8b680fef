package cn.shoudi.monitoring;

import cn.shoudi.ApiClient;
import cn.shoudi.TestTownship;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cadres are told outside the browser, against a local stand-in for a group robot: a new task reaches its cadre once,
 * naming the household by its head, village and group with the reason and due date and no ID number; a message the
 * receiver refuses while it is down is retried and recorded until delivered; a task due soon and an escalated one are
 * announced once each; the morning digest goes once per cadre and day.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31",
        "shoudi.notification.compose-interval=PT1H", "shoudi.notification.send-interval=PT1H",
        "shoudi.notification.retry-base=PT0S", "shoudi.notification.max-attempts=5",
        "shoudi.monitoring.escalation-initial-delay=PT1H"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationIntegrationTest {

    static final RobotReceiver robot = RobotReceiver.start();
    private static final String ID_NUMBER = ".*\\d{17}[\\dXx].*";

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("shoudi.notification.webhook-url", robot::url);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskNotifier notifier;
    @Autowired
    NotificationSender sender;
    @Autowired
    TaskEscalation escalation;
    @Autowired
    JsonMapper json;

    ApiClient officer;

    @BeforeAll
    void signIn() {
        officer = new ApiClient(port, jdbc);
    }

    @Test
    void aNewTaskReachesItsCadreOnceNamingHeadVillageGroupReasonAndDueDateWithoutAnIdNumber() {
        TestTownship town = new TestTownship(officer);
        Map<String, Object> task = openTask(town);

        notifier.compose();
        List<Map<String, Object>> messages = messages(town, "NEW_TASKS");
        assertThat(messages).hasSize(1);
        deliverAll();

        List<String> received = receivedFor(town);
        assertThat(received).hasSize(1);
        JsonNode body = json.readTree(received.get(0));
        assertThat(body.get("msgtype").asString()).isEqualTo("text");
        String content = body.get("text").get("content").asString();
        assertThat(content).contains("【防返贫监测】新任务 1 件", "帮扶责任人 帮扶干部", village(town) + "1组 冉德才户",
                (String) task.get("task_type"), "期限 " + TaskNotifier.DAY.format((LocalDate) task.get("due_date")));
        String reason = (String) task.get("reason");
        assertThat(content).contains(reason.substring(0, Math.min(20, reason.length())));
        assertThat(content).doesNotMatch("(?s)" + ID_NUMBER);
        assertThat(message(messages.get(0))).containsEntry("status", "SENT").containsEntry("attempts", 1);

        notifier.compose();
        deliverAll();
        assertThat(messages(town, "NEW_TASKS")).as("announced once").hasSize(1);
        assertThat(receivedFor(town)).hasSize(1);
    }

    @Test
    void aMessageRefusedWhileTheReceiverIsDownIsRetriedAndRecordedUntilDelivered() {
        TestTownship town = new TestTownship(officer);
        openTask(town);
        notifier.compose();
        long id = ((Number) messages(town, "NEW_TASKS").get(0).get("id")).longValue();

        robot.down(true);
        try {
            deliverAll();
        } finally {
            robot.down(false);
        }
        Map<String, Object> afterOutage = message(id);
        assertThat(afterOutage).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat((String) afterOutage.get("last_error")).contains("HTTP 503");
        robot.rateLimited(true);
        try {
            deliverAll();
        } finally {
            robot.rateLimited(false);
        }
        assertThat((String) message(id).get("last_error")).contains("45009");
        assertThat(receivedFor(town)).isEmpty();

        deliverAll();
        assertThat(message(id)).containsEntry("status", "SENT").containsEntry("attempts", 3);
        assertThat(receivedFor(town)).hasSize(1);
        List<Map<String, Object>> record = officer.asRole("LEADER", "leader").getList("/api/notifications?status=SENT");
        assertThat(record).isNotEmpty().anySatisfy(m -> {
            assertThat(((Number) m.get("id")).longValue()).isEqualTo(id);
            assertThat(m).containsEntry("attempts", 3).containsEntry("channel", "WEBHOOK");
        });
    }

    @Test
    void aTaskDueSoonAndAnEscalatedOneAreAnnouncedOnceEach() {
        TestTownship town = new TestTownship(officer);
        Map<String, Object> task = openTask(town);
        long taskId = ((Number) task.get("id")).longValue();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        jdbc.sql("UPDATE monitoring_task SET due_date = ? WHERE id = ?").params(today, taskId).update();
        notifier.compose();
        notifier.compose();
        assertThat(messages(town, "DUE_SOON")).hasSize(1);
        assertThat((String) messages(town, "DUE_SOON").get(0).get("content")).contains("即将到期 1 件", "冉德才户");

        jdbc.sql("UPDATE monitoring_task SET due_date = ? WHERE id = ?").params(today.minusDays(5), taskId).update();
        assertThat(escalation.escalateOverdue()).isPositive();
        notifier.compose();
        notifier.compose();
        List<Map<String, Object>> escalated = jdbc.sql("SELECT n.content FROM monitoring_notification n "
                + "JOIN monitoring_notification_task m ON m.notification_id = n.id WHERE m.task_id = ? "
                + "AND n.kind = 'ESCALATED'").param(taskId).query().listOfRows();
        assertThat(escalated).hasSize(1);
        assertThat((String) escalated.get(0).get("content")).contains("逾期升级 1 件", "冉德才户");
    }

    @Test
    void theMorningDigestGoesOncePerCadreAndDay() {
        TestTownship town = new TestTownship(officer);
        openTask(town);
        LocalDate day = LocalDate.of(2026, 12, 2);
        assertThat(notifier.digest(day)).isPositive();
        notifier.digest(day);
        List<Map<String, Object>> digests = messages(town, "DIGEST");
        assertThat(digests).hasSize(1);
        assertThat((String) digests.get(0).get("content")).contains("每日待办", "2026年12月2日", "待办 1 件", "冉德才户")
                .doesNotMatch("(?s)" + ID_NUMBER);
    }

    /** Registers a 脱贫户 under the monitoring line, whose evaluation opens a task for the township's helper. */
    private Map<String, Object> openTask(TestTownship town) {
        long household = TestTownship.id(officer.post("/api/households", town.household("N" + System.nanoTime(), 9000)));
        officer.awaitOutboxDrained();
        List<Map<String, Object>> tasks = jdbc.sql("SELECT id, task_type, reason, due_date FROM monitoring_task "
                + "WHERE household_id = ? AND open_flag = 1").param(household).query().listOfRows();
        assertThat(tasks).hasSize(1);
        Map<String, Object> row = tasks.get(0);
        return Map.of("id", row.get("id"), "task_type", row.get("task_type"), "reason", row.get("reason"),
                "due_date", ((Date) row.get("due_date")).toLocalDate());
    }

    private void deliverAll() {
        for (int round = 0; round < 50 && sender.sendDue() > 0; round++) {
            // a batch per round until nothing due is delivered
        }
    }

    private List<Map<String, Object>> messages(TestTownship town, String kind) {
        return jdbc.sql("SELECT id, content, status, attempts FROM monitoring_notification WHERE cadre_id = ? "
                + "AND kind = ? ORDER BY id").params(town.helperId, kind).query().listOfRows();
    }

    private Map<String, Object> message(Map<String, Object> row) {
        return message(((Number) row.get("id")).longValue());
    }

    private Map<String, Object> message(long id) {
        return jdbc.sql("SELECT status, attempts, last_error FROM monitoring_notification WHERE id = ?").param(id)
                .query().singleRow();
    }

    private List<String> receivedFor(TestTownship town) {
        return robot.accepted().stream().filter(b -> b.contains(village(town))).toList();
    }

    private static String village(TestTownship town) {
        return "测试村" + town.villageCode.substring(1);
    }
}
