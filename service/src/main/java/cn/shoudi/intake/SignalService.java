package cn.shoudi.intake;

import cn.shoudi.InvalidRequestException;
import cn.shoudi.registry.Registry;
import cn.shoudi.rules.facts.IdNumbers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Receives department signals: validates them, stores each once per source event id (a repeat returns the stored
 * one), matches the member by ID number and, when matched, has the household re-evaluated; an unmatched signal waits in
 * the review queue with the reason and is never dropped.
 */
@Service
class SignalService {

    /** The kinds of signal each source department sends; they are the 部门:类型 keys the alert table uses. */
    static final Map<String, Set<String>> KINDS = Map.of(
            "医保", Set.of("住院自付", "门诊自付"),
            "卫健", Set.of("大病专项救治"),
            "残联", Set.of("新增残疾", "重度残疾"),
            "应急", Set.of("受灾"),
            "教育", Set.of("辍学", "复学", "送教上门", "高中自付"),
            "住建", Set.of("房屋鉴定A级", "房屋鉴定B级", "房屋鉴定C级", "房屋鉴定D级"),
            "水利", Set.of("停水", "水质不合格"),
            "人社", Set.of("就业", "失业"),
            "民政", Set.of("低保申请", "低保取消", "特困申请", "特困取消", "临时救助申请", "死亡"),
            "公安", Set.of("死亡", "分户", "合户", "新购车辆"));

    /** Longest event id and detail the signal table stores. */
    static final int MAX_EVENT_ID = 100;
    static final int MAX_DETAIL = 500;

    private final Signals signals;
    private final Registry registry;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    SignalService(Signals signals, Registry registry, ApplicationEventPublisher events,
                  PlatformTransactionManager txManager, Clock clock) {
        this.signals = signals;
        this.registry = registry;
        this.events = events;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** A signal as a department sends it. */
    record Incoming(String source, String eventId, String kind, BigDecimal amount, LocalDate date, String idNumber,
                    String detail) {

        /** The same signal with its event id trimmed and its ID number trimmed and in upper case (must be valid). */
        Incoming normalized() {
            return new Incoming(source, eventId.trim(), kind, amount, date, idNumber.trim().toUpperCase(), detail);
        }

        /** The same signal from this source. */
        Incoming withSource(String department) {
            return new Incoming(department, eventId, kind, amount, date, idNumber, detail);
        }
    }

    /** The stored signal and whether this call stored it (false for a repeat of the same event). */
    record Received(Signal signal, boolean created) {
    }

    Received receive(Incoming received) {
        validate(received);
        Incoming in = received.normalized();
        Optional<Signal> existing = signals.findBySourceAndEventId(in.source(), in.eventId());
        if (existing.isPresent()) {
            return new Received(existing.get(), false);
        }
        try {
            return tx.execute(status -> {
                Long household = householdsOf(List.of(in)).get(in.idNumber());
                Signal saved = signals.save(toSignal(in, household));
                if (household != null) {
                    events.publishEvent(new SignalRecorded(household, saved.id()));
                }
                return new Received(saved, true);
            });
        } catch (DuplicateKeyException raced) {
            return new Received(signals.findBySourceAndEventId(in.source(), in.eventId()).orElseThrow(), false);
        }
    }

    /**
     * The households of the members the signals name, matched by ID number in one query: normalized ID number →
     * household; numbers of nobody in the registry are absent. The signals must be normalized.
     */
    Map<String, Long> householdsOf(Collection<Incoming> normalized) {
        return registry.householdsOfMembers(normalized.stream().map(Incoming::idNumber).collect(Collectors.toSet()));
    }

    /**
     * A new signal as it is stored: matched to its household, or, without one, waiting in the review queue with the
     * reason.
     *
     * @param in        a valid, normalized signal
     * @param household the member's household, or null when the ID number matched nobody
     */
    Signal toSignal(Incoming in, Long household) {
        boolean matched = household != null;
        return new Signal(null, in.source(), in.eventId(), in.kind(), in.amount(), in.date(), in.idNumber(),
                in.detail(), household, matched ? Signal.MATCHED : Signal.UNMATCHED,
                matched ? null : "身份证号 " + mask(in.idNumber()) + " 未在台账的家庭成员中找到", clock.instant(),
                matched ? "自动匹配" : null);
    }

    /** Assigns a queued signal to a household after review. */
    Signal match(long signalId, long householdId, String user) {
        return tx.execute(status -> {
            Signal s = signals.findById(signalId).orElseThrow(() -> new InvalidRequestException(List.of("信号不存在")));
            if (!Signal.UNMATCHED.equals(s.status())) {
                throw new InvalidRequestException(List.of("该信号已处理，不在待核查队列中"));
            }
            if (registry.snapshot(householdId).isEmpty()) {
                throw new InvalidRequestException(List.of("农户 #" + householdId + " 不存在"));
            }
            Signal saved = signals.save(s.matchedTo(householdId, user == null ? "anonymous" : user));
            events.publishEvent(new SignalRecorded(householdId, saved.id()));
            return saved;
        });
    }

    List<Signal> reviewQueue() {
        return signals.findByStatusOrderById(Signal.UNMATCHED);
    }

    private void validate(Incoming in) {
        List<String> problems = problems(in);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    /**
     * Every problem of a signal as a department sends it, in Chinese: an unknown source or kind, a missing or too long
     * event id, a missing or future date, a missing ID number or one that fails its checks (length, region, birth
     * date, check digit), a negative amount, a detail too long to store. Empty when the signal is valid.
     */
    List<String> problems(Incoming in) {
        return problems(in, Set.of());
    }

    /**
     * The same for a signal read from a file, where some fields were given but could not be read (their problems are
     * the reader's): those are not reported missing again.
     */
    List<String> problems(Incoming in, Set<String> unreadable) {
        List<String> problems = new ArrayList<>();
        if (in.source() == null || !KINDS.containsKey(in.source())) {
            problems.add("未知的来源部门“" + shown(in.source()) + "”，可选：" + String.join("、",
                    KINDS.keySet().stream().sorted().toList()));
        } else if (in.kind() == null || !KINDS.get(in.source()).contains(in.kind())) {
            problems.add(in.source() + "的信号类型“" + shown(in.kind()) + "”无效，可选：" + String.join("、",
                    KINDS.get(in.source()).stream().sorted().toList()));
        }
        if (in.eventId() == null || in.eventId().isBlank() || in.eventId().trim().length() > MAX_EVENT_ID) {
            problems.add("缺少来源事件编号（eventId，最多" + MAX_EVENT_ID + "个字符）");
        }
        if (in.date() == null) {
            if (!unreadable.contains("date")) {
                problems.add("缺少事件日期");
            }
        } else if (in.date().isAfter(LocalDate.now(clock))) {
            problems.add("事件日期不能晚于今天");
        }
        if (in.idNumber() == null || in.idNumber().isBlank()) {
            problems.add("缺少身份证号");
        } else {
            IdNumbers.problem(in.idNumber(), null, null, LocalDate.now(clock)).ifPresent(problems::add);
        }
        if (in.amount() != null && in.amount().signum() < 0) {
            problems.add("金额不能为负数");
        }
        if (in.amount() != null && (in.amount().scale() > 2 || in.amount().precision() - in.amount().scale() > 12)) {
            problems.add("金额“" + in.amount().toPlainString() + "”无效：最多12位整数、2位小数");
        }
        if (in.detail() != null && in.detail().length() > MAX_DETAIL) {
            problems.add("说明（detail）最多" + MAX_DETAIL + "个字符");
        }
        return problems;
    }

    /** A value the sender gave, as a problem quotes it: at most 30 characters. */
    private static String shown(String value) {
        return value == null || value.length() <= 30 ? value : value.substring(0, 30) + "…";
    }

    static String mask(String id) {
        return id.length() < 10 ? id : id.substring(0, 6) + "********" + id.substring(id.length() - 4);
    }
}
