package cn.shoudi.registry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition.Level;
import cn.shoudi.rules.facts.FactGroup;
import cn.shoudi.rules.facts.HouseholdClass;
import cn.shoudi.Privacy;
import cn.shoudi.Viewer;
import java.util.ArrayList;
import java.util.Comparator;

/**
 * Writes households. Every write validates first, saves the aggregate whole and publishes {@link HouseholdChanged}
 * in the same transaction (the outbox), so no change escapes evaluation.
 */
@Service
class HouseholdService {

    private final Households households;
    private final Cadres cadres;
    private final HouseholdValidator validator;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FactHistory history;
    private final JdbcClient jdbc;
    private final StatusHistory statusHistory;

    HouseholdService(Households households, Cadres cadres, HouseholdValidator validator,
                     ApplicationEventPublisher events, Clock clock, FactHistory history, JdbcClient jdbc,
                     StatusHistory statusHistory) {
        this.statusHistory = statusHistory;
        this.history = history;
        this.jdbc = jdbc;
        this.households = households;
        this.cadres = cadres;
        this.validator = validator;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Household register(HouseholdData data) {
        return register(data, null);
    }

    /**
     * Registers a household whose members may still be members of {@code movingFrom} (a split: the other household is
     * saved without them in the same transaction).
     */
    @Transactional
    Household register(HouseholdData data, Long movingFrom) {
        validator.validate(data, null, movingFrom);
        Household saved = saveAndPublish(Household.register(data, clock.instant()));
        history.record(saved.id(), Map.of(), saved.recordedFacts(), Viewer.current().username(),
                clock.instant());
        HouseholdStatus status = saved.status();
        statusHistory.record(saved.id(), DecisionKind.REGISTERED, LocalDate.now(clock), status,
                "登记为" + status.describe(), null, null, null, Viewer.current().username(), clock.instant());
        return saved;
    }

    /**
     * Replaces a household's data.
     *
     * @throws StaleHouseholdException when {@code data.version()} is not the current version
     */
    @Transactional
    Household update(long id, HouseholdData data) {
        Household h = find(id);
        data = unmasked(data, h);
        validator.validate(data, id);
        data = keepingStatus(data, h);
        if (data.version() != null && !data.version().equals(h.version())) {
            throw new StaleHouseholdException(id, h.version());
        }
        Map<String, Map<String, String>> before = h.recordedFacts();
        h.apply(data, clock.instant());
        return saveWithHistory(h, before);
    }

    /**
     * Sets or clears some recorded facts of one group (a partial update: the survey form's section). Keys of another
     * group are refused, so that a form section cannot overwrite what it does not show.
     *
     * @param group  the group the values belong to, or null for any group
     * @param values catalogue key → value; null clears
     * @throws StaleHouseholdException when {@code version} is given and is not the current version
     */
    @Transactional
    Household recordFacts(long id, Long version, FactGroup group, Map<String, Object> values) {
        Household h = find(id);
        if (version != null && !version.equals(h.version())) {
            throw new StaleHouseholdException(id, h.version());
        }
        List<InvalidHouseholdException.FieldProblem> problems = new ArrayList<>();
        if (values == null || values.isEmpty()) {
            problems.add(new InvalidHouseholdException.FieldProblem("values", "REQUIRED", "没有要保存的数据项"));
        } else if (group != null) {
            values.keySet().stream().filter(k -> FactCatalogue.STANDARD.get(k).filter(d -> d.group() != group)
                            .isPresent())
                    .forEach(k -> problems.add(new InvalidHouseholdException.FieldProblem("values." + k, "OTHER_GROUP",
                            "「" + FactCatalogue.STANDARD.require(k).label() + "」不属于「" + group.label() + "」")));
        }
        validator.facts(values, h.factValues(), Level.HOUSEHOLD, "values.", problems);
        if (!problems.isEmpty()) {
            throw new InvalidHouseholdException(problems);
        }
        Map<String, Map<String, String>> before = h.recordedFacts();
        h.record(values, clock.instant());
        return saveWithHistory(h, before);
    }

    private Household saveWithHistory(Household h, Map<String, Map<String, String>> before) {
        Household saved = saveAndPublish(h);
        history.record(saved.id(), before, saved.recordedFacts(), Viewer.current().username(),
                clock.instant());
        return saved;
    }

    /** A household's fact changes, newest first. */
    @Transactional(readOnly = true)
    List<FactHistory.Change> factHistory(long id) {
        find(id);
        return history.of(id);
    }

    /**
     * The submitted data with the household's status fields (户类型, 建档立卡年份, 脱贫年份) as stored: an edit may leave the
     * years out, but may not change any of them — only a completed procedure or an administrator's correction does.
     *
     * @throws InvalidHouseholdException naming each status field the edit would change
     */
    private static HouseholdData keepingStatus(HouseholdData data, Household h) {
        List<InvalidHouseholdException.FieldProblem> p = statusChanges(data, h);
        if (!p.isEmpty()) {
            throw new InvalidHouseholdException(p);
        }
        HouseholdStatus stored = h.status();
        HouseholdData.Details x = data.housing() == null ? HouseholdData.Details.NONE : data.housing();
        return data.withHousing(x.withStatusYears(stored.registeredYear(), stored.exitYear()));
    }

    /**
     * Each status field (户类型, 建档立卡年份, 脱贫年份) that valid data for an existing household would change, as a problem
     * with the code DECIDED_BY_PROCEDURE; empty when it changes none (the years may be left out).
     */
    @Transactional(readOnly = true)
    List<InvalidHouseholdException.FieldProblem> statusChanges(HouseholdData data, long id) {
        return statusChanges(data, find(id));
    }

    private static List<InvalidHouseholdException.FieldProblem> statusChanges(HouseholdData data, Household h) {
        HouseholdStatus stored = h.status();
        HouseholdData.Details x = data.housing() == null ? HouseholdData.Details.NONE : data.housing();
        List<InvalidHouseholdException.FieldProblem> p = new ArrayList<>();
        HouseholdClass submitted = HouseholdClass.parse(data.householdClass());
        if (submitted != stored.householdClass()) {
            p.add(decided("householdClass", stored.householdClass().label(), submitted.label()));
        }
        if (x.registeredYear() != null && !x.registeredYear().equals(stored.registeredYear())) {
            p.add(decided("housing.registeredYear", String.valueOf(stored.registeredYear()),
                    String.valueOf(x.registeredYear())));
        }
        if (x.exitYear() != null && !x.exitYear().equals(stored.exitYear())) {
            p.add(decided("housing.exitYear", String.valueOf(stored.exitYear()), String.valueOf(x.exitYear())));
        }
        return p;
    }

    private static InvalidHouseholdException.FieldProblem decided(String field, String stored, String submitted) {
        String label = FactCatalogue.STANDARD.require(field.substring(field.indexOf('.') + 1)).label();
        return new InvalidHouseholdException.FieldProblem(field, "DECIDED_BY_PROCEDURE", "「" + label + "」只能通过识别、"
                + "退出程序或管理员更正改变（现为" + ("null".equals(stored) ? "空" : stored) + "，提交的是" + submitted + "）");
    }

    /**
     * Responses mask ID numbers, so a client that read a household and sends it back sends masked numbers: each is
     * replaced by the stored number it masks (same member name first), so that edits need not retype them.
     */
    private static HouseholdData unmasked(HouseholdData data, Household h) {
        if (data.members() == null || data.members().stream().noneMatch(m -> m != null && m.idNumber() != null
                && m.idNumber().contains("*"))) {
            return data;
        }
        List<MemberData> members = data.members().stream().map(m -> {
            if (m == null || m.idNumber() == null || !m.idNumber().contains("*")) {
                return m;
            }
            String full = h.members().stream()
                    .filter(x -> x.idNumber() != null && Privacy.maskIdNumber(x.idNumber()).equals(m.idNumber()))
                    .sorted(Comparator.comparing(x -> x.name().equals(m.name()) ? 0 : 1))
                    .map(Member::idNumber).findFirst().orElse(m.idNumber());
            return new MemberData(m.name(), full, m.sex(), m.birthDate(), m.relation(), m.health(),
                    m.disabilityGrade(), m.schooling(), m.medicalInsured(), m.labour(), m.lowIncomeAllowance(),
                    m.publicWelfareJob(), m.chronicCard(), m.educationAid(), m.facts());
        }).toList();
        return data.withMembers(members);
    }

    @Transactional
    Household assignHelper(long id, long cadreId, Long expectedVersion) {
        Household h = find(id);
        Cadre c = cadres.findById(cadreId).orElseThrow(() -> new InvalidHouseholdException(List.of(
                new InvalidHouseholdException.FieldProblem("cadreId", "NOT_FOUND", "帮扶责任人不存在"))));
        if (!c.active()) {
            throw new InvalidHouseholdException(List.of(new InvalidHouseholdException.FieldProblem(
                    "cadreId", "INACTIVE", "该干部已调离或停用，不能担任帮扶责任人")));
        }
        if (expectedVersion != null && !expectedVersion.equals(h.version())) {
            throw new StaleHouseholdException(id, h.version());
        }
        h.assignHelper(cadreId, LocalDate.now(clock));
        return saveAndPublish(h);
    }

    @Transactional(readOnly = true)
    Household find(long id) {
        return households.findById(id).orElseThrow(() -> new HouseholdNotFoundException(id));
    }

    /**
     * Saves a household whole and publishes {@link HouseholdChanged} in the same transaction, also for every other
     * active household holding a member whose ID number this household holds or held until now: what the rules read
     * about those households (their shared ID numbers, DQ-ID3) may have changed with this save.
     */
    Household saveAndPublish(Household h) {
        Map<Long, Long> sharing = householdsSharingIdNumbers(h);
        Household saved;
        try {
            saved = households.save(h);
        } catch (OptimisticLockingFailureException e) {
            long current = households.findById(h.id()).map(Household::version).orElse(-1L);
            throw new StaleHouseholdException(h.id(), current);
        }
        events.publishEvent(new HouseholdChanged(saved.id(), saved.version()));
        sharing.forEach((id, version) -> events.publishEvent(new HouseholdChanged(id, version)));
        return saved;
    }

    /**
     * The other active households (id → version) with a member whose ID number is one of the household's members'
     * numbers, those it is about to save or those stored before this save. Two indexed queries (the stored numbers by
     * household, then the households by number; a single query with an {@code OR} of both would scan every member);
     * empty when no ID number is shared, which the registry's own validation ensures for everything entered through it.
     */
    private Map<Long, Long> householdsSharingIdNumbers(Household h) {
        Set<String> numbers = new LinkedHashSet<>();
        h.members().stream().map(Member::idNumber).filter(n -> n != null && !n.isBlank()).forEach(numbers::add);
        if (h.id() != null) {
            numbers.addAll(jdbc.sql("SELECT id_number FROM registry_member WHERE household_id = ? AND id_number <> ''")
                    .param(h.id()).query(String.class).list());
        }
        Map<Long, Long> out = new LinkedHashMap<>();
        if (numbers.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT DISTINCT oh.id, oh.version FROM registry_member o "
                        + "JOIN registry_household oh ON oh.id = o.household_id "
                        + "WHERE o.id_number IN (:numbers) AND oh.status = 'ACTIVE' AND oh.id <> :self ORDER BY oh.id")
                .param("self", h.id() == null ? -1L : h.id())
                .param("numbers", numbers)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }
}
