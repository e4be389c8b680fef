package cn.shoudi.monitoring;

import cn.shoudi.registry.HouseholdLabel;
import cn.shoudi.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Composes cadres' notifications (消息提醒) from their tasks: new tasks, escalated ones, those due within a few days,
 * and each morning a digest of what is open. Tasks are grouped per recipient (the task's cadre, else its village
 * committee) into one message, so a robot is not flooded; each message is stored with markers of the task events it
 * covers, in one transaction, and {@link NotificationSender} delivers it. The messages name the household by its head,
 * village and group, never by an ID number.
 */
@Service
class TaskNotifier {

    private static final Logger log = LoggerFactory.getLogger(TaskNotifier.class);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final int LINES = 10;
    private static final String COLUMNS = "t.id, t.household_id, t.assignee_cadre_id, t.village_id, t.task_type, "
            + "t.reason, t.due_date";

    /** One task event to announce. */
    record Item(long taskId, String seq, long householdId, Long cadreId, Long villageId, String taskType,
                String reason, LocalDate dueDate) {
    }

    /** Who a message goes to. */
    record Recipient(Long cadreId, Long villageId) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Registry registry;
    private final NotificationProperties properties;
    private final NotificationChannel channel;
    private final Clock clock;
    private final ZoneId zone;

    TaskNotifier(JdbcClient jdbc, TransactionTemplate tx, Registry registry, NotificationProperties properties,
                 NotificationChannel channel, Clock clock,
                 @Value("${shoudi.notification.zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.registry = registry;
        this.properties = properties;
        this.channel = channel;
        this.clock = clock;
        this.zone = zone;
    }

    @Scheduled(fixedDelayString = "${shoudi.notification.compose-interval:PT30S}",
            initialDelayString = "${shoudi.notification.compose-interval:PT30S}")
    void composeScheduled() {
        if (properties.enabled()) {
            try {
                compose();
            } catch (DataAccessException e) {
                log.warn("notifications not composed this time: {}", e.toString());
            }
        }
    }

    @Scheduled(cron = "${shoudi.notification.digest-cron:0 0 8 * * *}", zone = "${shoudi.notification.zone:Asia/Shanghai}")
    void digestScheduled() {
        if (properties.enabled()) {
            digest(LocalDate.now(clock.withZone(zone)));
        }
    }

    /** Stores a message for every recipient with task events not announced yet; returns how many messages. */
    int compose() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant since = clock.instant().minus(properties.newWithin());
        int messages = announce("NEW_TASKS", "新任务", items("NEW_TASKS", "'0'", "t.opened_at >= ?",
                Timestamp.from(since)));
        messages += announce("ESCALATED", "逾期升级", items("ESCALATED", "CONCAT('', t.escalation_count)",
                "t.escalation_count > 0"));
        messages += announce("DUE_SOON", "即将到期", items("DUE_SOON", "CONCAT('', t.due_date)",
                "t.due_date >= ? AND t.due_date <= ?", today, today.plusDays(properties.dueSoonDays() - 1L)));
        return messages;
    }

    /** One digest per recipient with open tasks for the day (at most one per recipient and day). */
    int digest(LocalDate day) {
        List<Item> open = jdbc.sql("SELECT " + COLUMNS + " FROM monitoring_task t WHERE t.open_flag = 1 "
                + "ORDER BY t.due_date, t.id").query((rs, i) -> item(rs, "")).list();
        int messages = 0;
        Map<Recipient, List<Item>> groups = byRecipient(open);
        Map<Long, String> names = cadreNames(groups);
        for (Map.Entry<Recipient, List<Item>> e : groups.entrySet()) {
            long overdue = e.getValue().stream().filter(i -> i.dueDate().isBefore(day)).count();
            String head = "【防返贫监测】每日待办 · " + recipientName(e.getKey(), names) + " · " + DAY.format(day)
                    + "：待办 " + e.getValue().size() + " 件，其中逾期 " + overdue + " 件";
            String key = "DIGEST:" + recipientKey(e.getKey()) + ":" + day;
            if (store("DIGEST", e.getKey(), key, text(head, e.getValue(), day), List.of())) {
                messages++;
            }
        }
        return messages;
    }

    /**
     * Open tasks matching a condition whose event (kind and sequence: 0 for opening, the escalation count, the due
     * date) has no marker yet.
     */
    private List<Item> items(String kind, String seq, String condition, Object... params) {
        List<Object> all = new ArrayList<>(List.of(params));
        all.add(kind);
        return jdbc.sql("SELECT " + COLUMNS + ", " + seq + " FROM monitoring_task t WHERE t.open_flag = 1 AND "
                        + condition + " AND NOT EXISTS (SELECT 1 FROM monitoring_notification_task n "
                        + "WHERE n.task_id = t.id AND n.kind = ? AND n.seq = " + seq + ") ORDER BY t.id LIMIT 2000")
                .params(all).query((rs, i) -> item(rs, rs.getString(8))).list();
    }

    private static Item item(ResultSet rs, String seq) throws SQLException {
        long cadre = rs.getLong(3);
        Long cadreId = rs.wasNull() ? null : cadre;
        long village = rs.getLong(4);
        Long villageId = rs.wasNull() ? null : village;
        return new Item(rs.getLong(1), seq, rs.getLong(2), cadreId, villageId, rs.getString(5), rs.getString(6),
                rs.getDate(7).toLocalDate());
    }

    private int announce(String kind, String title, List<Item> items) {
        int messages = 0;
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<Recipient, List<Item>> groups = byRecipient(items);
        Map<Long, String> names = cadreNames(groups);
        for (Map.Entry<Recipient, List<Item>> e : groups.entrySet()) {
            String head = "【防返贫监测】" + title + " " + e.getValue().size() + " 件 · "
                    + recipientName(e.getKey(), names);
            String key = kind + ":" + recipientKey(e.getKey()) + ":" + digestOf(e.getValue());
            if (store(kind, e.getKey(), key, text(head, e.getValue(), today), e.getValue())) {
                messages++;
            }
        }
        return messages;
    }

    private static Map<Recipient, List<Item>> byRecipient(List<Item> items) {
        Map<Recipient, List<Item>> out = new LinkedHashMap<>();
        for (Item i : items) {
            out.computeIfAbsent(new Recipient(i.cadreId(), i.cadreId() == null ? i.villageId() : null),
                    k -> new ArrayList<>()).add(i);
        }
        return out;
    }

    private String text(String head, List<Item> items, LocalDate today) {
        Map<Long, HouseholdLabel> labels = registry.labels(items.stream().limit(LINES).map(Item::householdId).toList());
        StringBuilder s = new StringBuilder(head);
        for (int n = 0; n < Math.min(LINES, items.size()); n++) {
            Item i = items.get(n);
            HouseholdLabel l = labels.get(i.householdId());
            s.append('\n').append(n + 1).append(". ").append(l == null ? "户 #" + i.householdId() : l.text())
                    .append(" · ").append(i.taskType()).append(" · ").append(oneLine(i.reason()))
                    .append(" · 期限 ").append(DAY.format(i.dueDate()));
            if (i.dueDate().isBefore(today)) {
                s.append("（已逾期 ").append(today.toEpochDay() - i.dueDate().toEpochDay()).append(" 天）");
            }
        }
        if (items.size() > LINES) {
            s.append("\n另有 ").append(items.size() - LINES).append(" 件");
        }
        return s.append("\n请登录守底系统办理。").toString();
    }

    private static String oneLine(String reason) {
        String r = reason == null ? "" : reason.replaceAll("\\s+", " ").trim();
        return r.length() > 40 ? r.substring(0, 39) + "…" : r;
    }

    /** The names of the cadres among the recipients, in one query. */
    private Map<Long, String> cadreNames(Map<Recipient, List<Item>> groups) {
        List<Long> cadres = groups.keySet().stream().map(Recipient::cadreId).filter(Objects::nonNull).toList();
        return cadres.isEmpty() ? Map.of() : registry.cadreNames(cadres);
    }

    private static String recipientName(Recipient r, Map<Long, String> names) {
        if (r.cadreId() != null) {
            return "帮扶责任人 " + names.getOrDefault(r.cadreId(), "#" + r.cadreId());
        }
        return "村委会";
    }

    private static String recipientKey(Recipient r) {
        return r.cadreId() != null ? "c" + r.cadreId() : "v" + Objects.requireNonNullElse(r.villageId(), 0L);
    }

    /** Stores a message and its markers in one transaction; false when it (or one of its events) is there already. */
    private boolean store(String kind, Recipient to, String key, String content, List<Item> covered) {
        Instant now = clock.instant();
        try {
            return Boolean.TRUE.equals(tx.execute(status -> {
                KeyHolder keys = new GeneratedKeyHolder();
                jdbc.sql("INSERT INTO monitoring_notification (kind, cadre_id, village_id, dedupe_key, channel, content, "
                                + "status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")
                        .params(kind, to.cadreId(), to.villageId(), key, channel.name(), content, Timestamp.from(now),
                                Timestamp.from(now))
                        .update(keys, "id");
                long id = keys.getKey().longValue();
                for (Item i : covered) {
                    jdbc.sql("INSERT INTO monitoring_notification_task (task_id, kind, seq, notification_id) "
                            + "VALUES (?, ?, ?, ?)").params(i.taskId(), kind, i.seq(), id).update();
                }
                return true;
            }));
        } catch (DataIntegrityViolationException e) {
            log.debug("notification {} composed already (another instance): {}", key, e.toString());
            return false;
        }
    }

    private static String digestOf(List<Item> items) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            items.forEach(i -> sha.update((i.taskId() + "/" + i.seq() + ";").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
