package cn.shoudi.registry;

import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition;
import cn.shoudi.rules.facts.HouseholdClass;
import cn.shoudi.rules.facts.HouseholdDetails;
import cn.shoudi.rules.facts.HouseholdInput;
import cn.shoudi.rules.facts.MemberInput;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;

/**
 * A household (户), the registry's aggregate root: loaded and saved whole, with its members and helper assignments
 * inside. The version counts data changes and guards concurrent edits (optimistic locking).
 */
@Table("registry_household")
class Household {

    @Id
    private Long id;
    @Version
    private Long version;
    private String householdNo;
    private Long villageId;
    private Long groupId;
    private HouseholdClass householdClass;
    private BigDecimal netIncome;
    private BigDecimal rigidExpenditure;
    private BigDecimal previousYearNetIncome;
    private String riskTypes;
    private boolean selfCoping;
    private boolean guaranteeIssue;
    private String houseGrade;
    private Boolean houseRenovated;
    private Boolean relocated;
    private Boolean waterQualityOk;
    private Boolean familyDoctorSigned;
    private Boolean lowIncomeAllowance;
    private Integer registeredYear;
    private Integer exitYear;
    private String mainCause;
    private String houseUse;
    private Integer houseBuildings;
    private Integer relocationYear;
    private Long waterPointId;
    private MonitoringStatus monitoringStatus;
    private String monitoringCategory;
    private LocalDate monitoringSince;
    private LocalDate riskClearedOn;
    /** Recorded facts of the catalogue beyond the basic columns, see {@link RecordedFacts}. */
    private String facts;
    @MappedCollection(idColumn = "household_id", keyColumn = "position")
    private List<Member> members = new ArrayList<>();
    @MappedCollection(idColumn = "household_id", keyColumn = "position")
    private List<HelperAssignment> helpers = new ArrayList<>();
    @MappedCollection(idColumn = "household_id", keyColumn = "position")
    private List<MemberEvent> memberEvents = new ArrayList<>();
    private String status = "ACTIVE";
    private Long mergedInto;
    private Instant createdAt;
    private Instant updatedAt;

    Household() {
    }

    /** A new household from validated data. */
    static Household register(HouseholdData data, Instant now) {
        Household h = new Household();
        h.createdAt = now;
        h.apply(data, now);
        return h;
    }

    /** Replaces the household's data with validated data. */
    void apply(HouseholdData data, Instant now) {
        householdNo = data.householdNo().trim();
        villageId = data.villageId();
        groupId = data.groupId();
        householdClass = HouseholdClass.parse(data.householdClass());
        netIncome = data.netIncome();
        rigidExpenditure = data.rigidExpenditure() == null ? BigDecimal.ZERO : data.rigidExpenditure();
        previousYearNetIncome = data.previousYearNetIncome();
        riskTypes = data.riskTypes() == null ? "" : String.join(",", new TreeSet<>(data.riskTypes()));
        selfCoping = Boolean.TRUE.equals(data.selfCoping());
        guaranteeIssue = Boolean.TRUE.equals(data.guaranteeIssue());
        List<Member> before = members;
        members = data.members().stream()
                .map(m -> new Member(m.name().trim(), blankToNull(m.idNumber()), m.sex(), m.birthDate(),
                        m.relation().trim(), m.health(), m.disabilityGrade(), m.schooling(), m.medicalInsured(),
                        m.labour(), m.lowIncomeAllowance(), m.publicWelfareJob(), m.chronicCard(), m.educationAid(),
                        RecordedFacts.write(RecordedFacts.merge(storedFacts(before, m), m.facts()))))
                .collect(Collectors.toCollection(ArrayList::new));
        facts = RecordedFacts.write(RecordedFacts.merge(RecordedFacts.read(facts), data.facts()));
        HouseholdData.Details x = data.housing() == null
                ? HouseholdData.Details.NONE : data.housing();
        houseGrade = x.houseGrade();
        houseRenovated = x.houseRenovated();
        relocated = x.relocated();
        waterQualityOk = x.waterQualityOk();
        familyDoctorSigned = x.familyDoctorSigned();
        lowIncomeAllowance = x.lowIncomeAllowance();
        registeredYear = x.registeredYear();
        exitYear = x.exitYear();
        mainCause = x.mainCause();
        houseUse = x.houseUse();
        houseBuildings = x.houseBuildings();
        relocationYear = x.relocationYear();
        waterPointId = x.waterPointId();
        updatedAt = now;
        if (data.helperCadreId() != null) {
            assignHelper(data.helperCadreId(), LocalDate.ofInstant(now, ZoneOffset.UTC));
        }
    }

    /** The recorded facts of the stored member a submitted one is: same ID number, else same name and birth date. */
    private static Map<String, Object> storedFacts(List<Member> stored, MemberData submitted) {
        String id = blankToNull(submitted.idNumber());
        return stored.stream()
                .filter(m -> id != null ? id.equals(m.idNumber())
                        : m.name().equals(submitted.name() == null ? null : submitted.name().trim())
                        && m.birthDate().equals(submitted.birthDate()))
                .findFirst().map(m -> RecordedFacts.read(m.facts())).orElse(Map.of());
    }

    /** Sets or clears recorded facts of the household (a partial update of one group); validated by the caller. */
    void record(Map<String, Object> submitted, Instant now) {
        facts = RecordedFacts.write(RecordedFacts.merge(RecordedFacts.read(facts), submitted));
        updatedAt = now;
    }

    /** The household's status: class, years and monitoring. */
    HouseholdStatus status() {
        return new HouseholdStatus(householdClass, registeredYear, exitYear, monitoringStatus, monitoringCategory,
                monitoringSince, riskClearedOn);
    }

    /** Sets the status a decision or correction gave; the caller has checked it applies and records the change. */
    void changeStatus(HouseholdStatus next, Instant now) {
        householdClass = next.householdClass();
        registeredYear = next.registeredYear();
        exitYear = next.exitYear();
        monitoringStatus = next.monitoring();
        monitoringCategory = next.category();
        monitoringSince = next.since();
        riskClearedOn = next.riskClearedOn();
        updatedAt = now;
    }

    /** Marks a change the household's row does not hold (a measure received): a new version for the rules to see. */
    void touch(Instant now) {
        updatedAt = now;
    }

    /**
     * Every recorded fact of the catalogue with its canonical text, household level under "" and member level under
     * the member's name: what the change history compares.
     */
    Map<String, Map<String, String>> recordedFacts() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, String> own = new TreeMap<>();
        HouseholdInput in = toRulesInput();
        FactCatalogue c = FactCatalogue.STANDARD;
        own.put("householdClass", householdClass.label());
        own.put("netIncome", c.require("netIncome").format(netIncome));
        own.put("rigidExpenditure", c.require("rigidExpenditure").format(rigidExpenditure));
        if (previousYearNetIncome != null) {
            own.put("previousYearNetIncome", c.require("previousYearNetIncome").format(previousYearNetIncome));
        }
        own.put("riskTypes", String.join("、", new TreeSet<>(riskTypeSet())));
        own.put("selfCoping", c.require("selfCoping").format(selfCoping));
        own.put("guaranteeIssue", c.require("guaranteeIssue").format(guaranteeIssue));
        in.details().values().forEach((k, v) -> c.get(k).filter(FactDefinition::stored)
                .ifPresent(d -> own.put(k, d.format(v))));
        out.put("", own);
        for (MemberInput m : in.members()) {
            Map<String, String> texts = new TreeMap<>();
            m.facts().forEach((k, v) -> texts.put(k, c.require(k).format(v)));
            out.merge(m.name(), texts, (a, b) -> {
                a.putAll(b);
                return a;
            });
        }
        return out;
    }

    /** The data of this household as a client would submit it, to apply a change to and validate whole. */
    HouseholdData toData() {
        return new HouseholdData(householdNo, villageId, groupId, householdClass.name(), netIncome, rigidExpenditure,
                previousYearNetIncome, riskTypeSet(), selfCoping, guaranteeIssue, members.stream()
                .map(Member::toData).toList(),
                null, version, details(), RecordedFacts.read(facts));
    }

    /** Records a membership change; the members themselves are replaced through {@link #apply}. */
    void record(String type, MemberData member, LocalDate date, Long related, String note, Instant now) {
        memberEvents.add(new MemberEvent(type, member.name(), member.idNumber(), date, related, note, now));
    }

    /** Marks the household merged into another; it is kept as history and no longer evaluated. */
    void mergeInto(long other, Instant now) {
        status = "MERGED";
        mergedInto = other;
        members = new ArrayList<>();
        updatedAt = now;
    }

    boolean active() {
        return "ACTIVE".equals(status);
    }

    List<MemberEvent> memberEvents() {
        return List.copyOf(memberEvents);
    }

    /** Makes a cadre the household's helper from a date; the previous assignment is ended, not deleted. */
    void assignHelper(long cadreId, LocalDate from) {
        if (currentHelper().filter(c -> c == cadreId).isPresent()) {
            return;
        }
        helpers.replaceAll(a -> a.current() ? a.endedOn(from) : a);
        helpers.add(new HelperAssignment(cadreId, from, null));
    }

    /** Sets the version the client read, so that saving fails if someone else changed the household since. */
    void expectVersion(long clientVersion) {
        this.version = clientVersion;
    }

    Optional<Long> currentHelper() {
        return helpers.stream().filter(HelperAssignment::current).map(HelperAssignment::cadreId).findFirst();
    }

    /**
     * The part of a household the rules read, from a row of {@code registry_household} and its members and helper
     * periods loaded by a set query ({@link RulesInputs}): the same {@link #toRulesInput()} then applies, so that a page
     * of households loaded together gives exactly the input (and inputs hash) of each loaded alone.
     */
    static Household forRules(ResultSet rs, List<Member> members, List<HelperAssignment> helpers)
            throws SQLException {
        Household h = new Household();
        h.id = rs.getLong("id");
        h.version = rs.getLong("version");
        h.householdNo = rs.getString("household_no");
        h.villageId = rs.getLong("village_id");
        h.groupId = rs.getLong("group_id");
        h.householdClass = HouseholdClass.valueOf(rs.getString("household_class"));
        h.netIncome = rs.getBigDecimal("net_income");
        h.rigidExpenditure = rs.getBigDecimal("rigid_expenditure");
        h.previousYearNetIncome = rs.getBigDecimal("previous_year_net_income");
        h.riskTypes = rs.getString("risk_types");
        h.selfCoping = rs.getBoolean("self_coping");
        h.guaranteeIssue = rs.getBoolean("guarantee_issue");
        h.houseGrade = rs.getString("house_grade");
        h.houseRenovated = rs.getObject("house_renovated", Boolean.class);
        h.relocated = rs.getObject("relocated", Boolean.class);
        h.waterQualityOk = rs.getObject("water_quality_ok", Boolean.class);
        h.familyDoctorSigned = rs.getObject("family_doctor_signed", Boolean.class);
        h.lowIncomeAllowance = rs.getObject("low_income_allowance", Boolean.class);
        h.registeredYear = rs.getObject("registered_year", Integer.class);
        h.exitYear = rs.getObject("exit_year", Integer.class);
        h.mainCause = rs.getString("main_cause");
        String monitoring = rs.getString("monitoring_status");
        h.monitoringStatus = monitoring == null ? null : MonitoringStatus.valueOf(monitoring);
        h.monitoringCategory = rs.getString("monitoring_category");
        h.monitoringSince = rs.getObject("monitoring_since", LocalDate.class);
        h.riskClearedOn = rs.getObject("risk_cleared_on", LocalDate.class);
        h.facts = rs.getString("facts");
        h.status = rs.getString("status");
        h.members = members;
        h.helpers = helpers;
        return h;
    }

    /** The household as the rules see it. */
    HouseholdInput toRulesInput() {
        List<MemberInput> ms = members.stream()
                .map(m -> new MemberInput(m.name(), m.idNumber(), m.sex(), m.birthDate(), m.relation(),
                        m.factValues())).toList();
        Map<String, Object> details = new TreeMap<>(RecordedFacts.read(facts));
        details.putAll(details().factValues());
        details.put("helperAssigned", currentHelper().isPresent());
        if (monitoringStatus == MonitoringStatus.MONITORED) {
            details.put("monitoringCategory", monitoringCategory);
            details.put("monitoringSince", monitoringSince);
        }
        return new HouseholdInput(String.valueOf(id), householdClass, ms, netIncome, rigidExpenditure,
                previousYearNetIncome, riskTypeSet(), selfCoping, guaranteeIssue,
                new HouseholdDetails(details, List.of()));
    }

    Set<String> riskTypeSet() {
        if (riskTypes == null || riskTypes.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(riskTypes.split(",")).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase();
    }

    Long id() {
        return id;
    }

    Long version() {
        return version;
    }

    String householdNo() {
        return householdNo;
    }

    Long villageId() {
        return villageId;
    }

    Long groupId() {
        return groupId;
    }

    HouseholdClass householdClass() {
        return householdClass;
    }

    BigDecimal netIncome() {
        return netIncome;
    }

    BigDecimal rigidExpenditure() {
        return rigidExpenditure;
    }

    BigDecimal previousYearNetIncome() {
        return previousYearNetIncome;
    }

    boolean selfCoping() {
        return selfCoping;
    }

    boolean guaranteeIssue() {
        return guaranteeIssue;
    }

    HouseholdData.Details details() {
        return new HouseholdData.Details(houseGrade, houseRenovated, relocated, waterQualityOk, familyDoctorSigned,
                lowIncomeAllowance, registeredYear, exitYear, mainCause, houseUse, houseBuildings, relocationYear,
                waterPointId);
    }

    /** The recorded facts beyond the basic columns, typed. */
    Map<String, Object> factValues() {
        return RecordedFacts.read(facts);
    }

    List<Member> members() {
        return List.copyOf(members);
    }

    List<HelperAssignment> helpers() {
        return List.copyOf(helpers);
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
