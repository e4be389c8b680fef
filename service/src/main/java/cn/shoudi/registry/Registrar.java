package cn.shoudi.registry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes to the registry for other features (bulk import): validation without writing, and create-or-update of a
 * whole household that leaves an unchanged household untouched (no new version, no event).
 */
@Service
public class Registrar {

    /** How an upsert ended. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    /**
     * One invalid field.
     *
     * @param field   JSON path, e.g. members[1].idNumber
     * @param code    stable code
     * @param message Chinese message
     */
    public record Problem(String field, String code, String message) {
    }

    private final Households households;
    private final Villages villages;
    private final VillagerGroups groups;
    private final HouseholdValidator validator;
    private final HouseholdService service;
    private final JdbcClient jdbc;

    Registrar(Households households, Villages villages, VillagerGroups groups, HouseholdValidator validator,
              HouseholdService service, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.households = households;
        this.villages = villages;
        this.groups = groups;
        this.validator = validator;
        this.service = service;
    }

    /** The village with this code, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> villageByCode(String code) {
        return jdbc.sql("SELECT id FROM registry_village WHERE code = ?").param(code).query(Long.class).optional();
    }

    /** The villager group of this name in the village, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> groupByName(long villageId, String name) {
        return groups.findByVillageIdOrderById(villageId).stream().filter(g -> g.name().equals(name))
                .map(VillagerGroup::id).findFirst();
    }

    /** The existing household an import row means: by household number, else by the head's ID number. */
    @Transactional(readOnly = true)
    public Optional<Long> existing(String householdNo, String headIdNumber) {
        Optional<Long> byNo = households.findIdByHouseholdNo(householdNo);
        if (byNo.isPresent() || headIdNumber == null || headIdNumber.isBlank()) {
            return byNo;
        }
        return jdbc.sql("SELECT m.household_id FROM registry_member m JOIN registry_household h ON h.id = m.household_id"
                        + " WHERE m.id_number = ? AND m.relation = '户主' AND h.status = 'ACTIVE' ORDER BY m.household_id"
                        + " LIMIT 1")
                .param(headIdNumber.trim().toUpperCase()).query(Long.class).optional();
    }

    /** The stored data of a household, as an import merges a file's rows into it. */
    @Transactional(readOnly = true)
    public HouseholdData current(long householdId) {
        return service.find(householdId).toData();
    }

    /**
     * The registry export (户籍导出): every active household of a village (all villages when null) with its village code
     * and villager group name, in household-number order; re-importing it changes nothing.
     */
    @Transactional(readOnly = true)
    public List<Exported> export(Long villageId) {
        Map<Long, String> codes = new HashMap<>();
        villages.findAll().forEach(v -> codes.put(v.id(), v.code()));
        Map<Long, String> groupNames = new HashMap<>();
        groups.findAll().forEach(g -> groupNames.put(g.id(), g.name()));
        List<Household> all = villageId == null ? households.findAll() : households.findByVillageIdOrderById(villageId);
        return all.stream().filter(Household::active)
                .sorted(Comparator.comparing(Household::householdNo))
                .map(h -> new Exported(codes.get(h.villageId()), groupNames.get(h.groupId()), h.toData())).toList();
    }

    /** One exported household. */
    public record Exported(String villageCode, String groupName, HouseholdData data) {
    }

    /**
     * Every problem of the data, as creating (or updating the given household) would find them, including a change of
     * a status field that only a procedure decides; nothing written.
     */
    @Transactional(readOnly = true)
    public List<Problem> problems(HouseholdData data, Long existingId) {
        List<InvalidHouseholdException.FieldProblem> found;
        try {
            validator.validate(data, existingId);
            found = existingId == null ? List.of() : service.statusChanges(data, existingId);
        } catch (InvalidHouseholdException e) {
            found = e.problems();
        }
        return found.stream().map(p -> new Problem(p.field(), p.code(), p.message())).toList();
    }

    /** Creates the household, or replaces an existing one's data when it differs; one transaction per household. */
    @Transactional
    public Outcome upsert(HouseholdData data, Long existingId) {
        if (existingId == null) {
            service.register(data);
            return Outcome.CREATED;
        }
        Household current = service.find(existingId);
        Household candidate = new Household();
        candidate.apply(current.toData(), current.updatedAt()); // facts the data leaves out are kept
        candidate.apply(data, current.updatedAt());
        if (same(current, candidate)) {
            return Outcome.UNCHANGED;
        }
        service.update(existingId, data);
        return Outcome.UPDATED;
    }

    private static boolean same(Household a, Household b) {
        return a.householdNo().equals(b.householdNo()) && a.villageId().equals(b.villageId())
                && a.groupId().equals(b.groupId()) && a.householdClass() == b.householdClass()
                && a.netIncome().compareTo(b.netIncome()) == 0 && a.rigidExpenditure().compareTo(b.rigidExpenditure()) == 0
                && Objects.equals(plain(a.previousYearNetIncome()), plain(b.previousYearNetIncome()))
                && a.riskTypeSet().equals(b.riskTypeSet()) && a.selfCoping() == b.selfCoping()
                && a.guaranteeIssue() == b.guaranteeIssue() && a.details().equals(b.details())
                && a.factValues().equals(b.factValues())
                && a.members().equals(b.members())
                && (b.helpers().isEmpty() || a.currentHelper().equals(b.currentHelper()));
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }
}
