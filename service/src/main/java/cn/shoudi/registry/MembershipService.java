package cn.shoudi.registry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Membership changes (成员变动): birth, death, marriage in or out, moving away or back, household split (分户) and merge
 * (合户). Each is validated on the resulting household(s) as a whole, recorded in the history of every household it
 * touches, and re-evaluates them. 分户 done to qualify is an identification exclusion, so the history is kept.
 */
@Service
class MembershipService {

    private final Households households;
    private final HouseholdValidator validator;
    private final HouseholdService service;
    private final Clock clock;

    MembershipService(Households households, HouseholdValidator validator, HouseholdService service,
                      Clock clock) {
        this.households = households;
        this.validator = validator;
        this.service = service;
        this.clock = clock;
    }

    @Transactional
    Household change(long householdId, MemberChange c) {
        Household h = active(householdId);
        MemberEvent.Kind kind = Arrays.stream(MemberEvent.Kind.values())
                .filter(k -> k.name().equalsIgnoreCase(String.valueOf(c.type())) || k.label.equals(c.type()))
                .findFirst().orElseThrow(() -> invalid("type", "未知的成员变动类型“" + c.type()
                        + "”，可选：出生、死亡、婚入、婚出、迁出、迁回"));
        if (c.version() != null && !c.version().equals(h.version())) {
            throw new StaleHouseholdException(householdId, h.version());
        }
        LocalDate date = date(c.date());
        List<MemberData> members = new ArrayList<>(h.toData().members());
        MemberData subject;
        if (kind.joins) {
            if (c.member() == null) {
                throw invalid("member", kind.label + "须填写加入的成员信息");
            }
            subject = c.member();
            members.add(subject);
        } else {
            subject = find(members, c.memberId());
            members.remove(subject);
        }
        HouseholdData changed = with(h.toData(), members, null, null);
        validator.validate(changed, householdId);
        h.apply(changed, clock.instant());
        h.record(kind.name(), subject, date, null, c.note(), clock.instant());
        return service.saveAndPublish(h);
    }

    /**
     * Splits members off into a new household.
     *
     * @param members            ID numbers (or names) of the leaving members → their relation in the new household
     * @param newHouseholdNo     the new household's number
     * @param newNetIncome       the new household's net income
     * @param remainingNetIncome the original household's net income after the split
     */
    record Split(Map<String, String> members, String newHouseholdNo, BigDecimal newNetIncome,
                 BigDecimal remainingNetIncome, LocalDate date, String note) {
    }

    @Transactional
    Household split(long householdId, Split s) {
        Household h = active(householdId);
        LocalDate date = date(s.date());
        if (s.members() == null || s.members().isEmpty()) {
            throw invalid("members", "请选择分出的成员");
        }
        List<MemberData> staying = new ArrayList<>(h.toData().members());
        List<MemberData> leaving = new ArrayList<>();
        for (Map.Entry<String, String> m : s.members().entrySet()) {
            MemberData found = find(staying, m.getKey());
            staying.remove(found);
            leaving.add(relation(found, m.getValue()));
        }
        HouseholdData base = h.toData();
        HouseholdData remaining = with(base, staying, s.remainingNetIncome(), null);
        HouseholdData created = new HouseholdData(s.newHouseholdNo(), base.villageId(), base.groupId(),
                base.householdClass(), s.newNetIncome(), BigDecimal.ZERO, null, base.riskTypes(), base.selfCoping(),
                base.guaranteeIssue(), leaving, h.currentHelper().orElse(null), null, base.housing(), base.facts());
        validator.validate(remaining, householdId);
        Household fresh = service.register(created, householdId);
        h.apply(remaining, clock.instant());
        leaving.forEach(m -> h.record("SPLIT_OUT", m, date, fresh.id(), s.note(), clock.instant()));
        leaving.forEach(m -> fresh.record("SPLIT_IN", m, date, h.id(), s.note(), clock.instant()));
        service.saveAndPublish(fresh);
        return service.saveAndPublish(h);
    }

    /**
     * Merges another household into this one.
     *
     * @param relations the incoming members' ID numbers (or names) → their relation in this household
     */
    record Merge(long otherHouseholdId, Map<String, String> relations, BigDecimal netIncome, LocalDate date,
                 String note) {
    }

    @Transactional
    Household merge(long householdId, Merge m) {
        Household h = active(householdId);
        if (m.otherHouseholdId() == householdId) {
            throw invalid("otherHouseholdId", "不能与本户合并");
        }
        Household other = active(m.otherHouseholdId());
        LocalDate date = date(m.date());
        List<MemberData> incoming = new ArrayList<>();
        for (MemberData member : other.toData().members()) {
            String key = member.idNumber() != null ? member.idNumber() : member.name();
            String relation = m.relations() == null ? null : m.relations().get(key);
            if (relation == null) {
                throw invalid("relations", "请填写并入成员“" + member.name() + "”在本户中的与户主关系");
            }
            incoming.add(relation(member, relation));
        }
        List<MemberData> all = new ArrayList<>(h.toData().members());
        all.addAll(incoming);
        HouseholdData merged = with(h.toData(), all, m.netIncome(), null);
        validator.validate(merged, householdId, other.id());
        h.apply(merged, clock.instant());
        incoming.forEach(x -> h.record("MERGE_IN", x, date, other.id(), m.note(), clock.instant()));
        incoming.forEach(x -> other.record("MERGE_OUT", x, date, h.id(), m.note(), clock.instant()));
        other.mergeInto(h.id(), clock.instant());
        households.save(other);
        return service.saveAndPublish(h);
    }

    private Household active(long id) {
        Household h = service.find(id);
        if (!h.active()) {
            throw invalid("householdId", "该户已并入其他户，不能再变动");
        }
        return h;
    }

    private LocalDate date(LocalDate d) {
        if (d == null) {
            throw invalid("date", "请填写变动日期");
        }
        if (d.isAfter(LocalDate.now(clock))) {
            throw invalid("date", "变动日期不能晚于今天");
        }
        return d;
    }

    private static MemberData find(List<MemberData> members, String key) {
        return members.stream().filter(m -> key != null && (key.equalsIgnoreCase(m.idNumber()) || key.equals(m.name())))
                .findFirst().orElseThrow(() -> invalid("memberId", "本户没有成员“" + key + "”"));
    }

    private static MemberData relation(MemberData m, String relation) {
        return new MemberData(m.name(), m.idNumber(), m.sex(), m.birthDate(), relation, m.health(),
                m.disabilityGrade(), m.schooling(), m.medicalInsured(), m.labour(), m.lowIncomeAllowance(),
                m.publicWelfareJob(), m.chronicCard(), m.educationAid(), m.facts());
    }

    private static HouseholdData with(HouseholdData d, List<MemberData> members, BigDecimal netIncome, Long helper) {
        return new HouseholdData(d.householdNo(), d.villageId(), d.groupId(), d.householdClass(),
                netIncome == null ? d.netIncome() : netIncome, d.rigidExpenditure(), d.previousYearNetIncome(),
                d.riskTypes(), d.selfCoping(), d.guaranteeIssue(), members, helper, d.version(), d.housing(),
                d.facts());
    }

    private static InvalidHouseholdException invalid(String field, String message) {
        return new InvalidHouseholdException(List.of(new InvalidHouseholdException.FieldProblem(field, "INVALID",
                message)));
    }
}
