package cn.shoudi.registry;

import cn.shoudi.rules.facts.HouseholdInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

/**
 * Loads households as the rules see them with four set queries (households, members, helper periods, ID numbers shared
 * with other households) whatever the number of households, instead of Spring Data JDBC's query per household and
 * collection: a full re-evaluation reads the registry a page at a time. Single households go through the same path,
 * so both give identical inputs.
 */
@Component
class RulesInputs {

    private static final String HOUSEHOLD_COLUMNS = "id, version, household_no, village_id, group_id, "
            + "household_class, net_income, rigid_expenditure, previous_year_net_income, risk_types, self_coping, "
            + "guarantee_issue, house_grade, house_renovated, relocated, water_quality_ok, family_doctor_signed, "
            + "low_income_allowance, registered_year, exit_year, main_cause, facts, status, monitoring_status, "
            + "monitoring_category, monitoring_since, risk_cleared_on";

    /** The catalogue key of the count of members' ID numbers shared with another active household. */
    static final String SHARED_ID_NUMBERS = "sharedIdNumberCount";

    /** The catalogue key of the number of measures a monitored household received in its monitoring period. */
    static final String MEASURES = "measuresImplemented";

    private final JdbcClient jdbc;

    RulesInputs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active households among {@code ids} as the rules see them, in the order of their ids. */
    List<HouseholdSnapshot> load(Collection<Long> ids) {
        return load(ids, null);
    }

    /**
     * @param sharedIdNumbers every ID number that is a member of more than one active household, read once for a whole
     *                        run ({@link #sharedIdNumbers()}); null to look the page's members up
     */
    List<HouseholdSnapshot> load(Collection<Long> ids, Set<String> sharedIdNumbers) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Member>> members = new HashMap<>();
        jdbc.sql("SELECT household_id, name, id_number, sex, birth_date, relation, health, disability_grade, "
                        + "schooling, medical_insured, labour, low_income_allowance, public_welfare_job, chronic_card, "
                        + "education_aid, facts FROM registry_member WHERE household_id IN (:ids) ORDER BY household_id, "
                        + "position")
                .param("ids", ids)
                .query(rs -> {
                    members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Member(rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6),
                            rs.getString(7), rs.getObject(8, Integer.class), rs.getString(9),
                            rs.getObject(10, Boolean.class), rs.getString(11), rs.getObject(12, Boolean.class),
                            rs.getObject(13, Boolean.class), rs.getObject(14, Boolean.class), rs.getString(15),
                            rs.getString(16)));
                });
        Map<Long, List<HelperAssignment>> helpers = new HashMap<>();
        jdbc.sql("SELECT household_id, cadre_id, start_date, end_date FROM registry_helper_assignment "
                        + "WHERE household_id IN (:ids) ORDER BY household_id, position")
                .param("ids", ids)
                .query(rs -> {
                    helpers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new HelperAssignment(
                            rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
                });
        Map<Long, Integer> shared = sharedIdNumbers == null ? sharedIdNumberCounts(ids)
                : counts(members, sharedIdNumbers);
        List<Household> rows = jdbc.sql("SELECT " + HOUSEHOLD_COLUMNS + " FROM registry_household WHERE id IN (:ids) "
                        + "AND status = 'ACTIVE' ORDER BY id")
                .param("ids", ids)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    return Household.forRules(rs, members.getOrDefault(id, new ArrayList<>()),
                            helpers.getOrDefault(id, new ArrayList<>()));
                }).list();
        Map<Long, Integer> measures = measureCounts(ids);
        // the rows' facts columns are parsed into the rules' view on every core: a page waits for it before evaluating
        return rows.parallelStream().map(h -> {
            HouseholdInput input = h.toRulesInput();
            Integer count = shared.get(h.id());
            if (count != null) {
                input = input.withDetails(input.details().with(SHARED_ID_NUMBERS, count));
            }
            if (h.status().monitored()) {
                input = input.withDetails(input.details().with(MEASURES, measures.getOrDefault(h.id(), 0)));
            }
            return new HouseholdSnapshot(h.id(), h.householdNo(), h.version(), h.villageId(), h.groupId(), input);
        }).toList();
    }

    /**
     * For each monitored household among {@code ids} that received any, how many measures (帮扶措施) it received since
     * its last 风险消除 (all of them when it was never cleared, so that help given first through the 绿色通道 before the
     * procedure completed counts).
     */
    private Map<Long, Integer> measureCounts(Collection<Long> ids) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT m.household_id, COUNT(*) FROM registry_measure m JOIN registry_household h ON h.id = m.household_id "
                        + "WHERE m.household_id IN (:ids) AND h.monitoring_status = 'MONITORED' "
                        + "AND (h.risk_cleared_on IS NULL OR m.implemented_on > h.risk_cleared_on) GROUP BY m.household_id")
                .param("ids", ids)
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    /**
     * For each of the households that has any, how many distinct ID numbers of its members are also members of another
     * active household (one person, one household: DQ-ID3). Blank ID numbers never match. Households without such a
     * number are absent, so that their rules input (and its hash) is what it was before the check existed.
     */
    /** Every ID number that is a member of more than one active household: one grouped scan of the members. */
    Set<String> sharedIdNumbers() {
        return new HashSet<>(jdbc.sql("SELECT m.id_number FROM registry_member m "
                        + "JOIN registry_household h ON h.id = m.household_id AND h.status = 'ACTIVE' "
                        + "WHERE m.id_number IS NOT NULL AND m.id_number <> '' "
                        + "GROUP BY m.id_number HAVING COUNT(DISTINCT m.household_id) > 1")
                .query(String.class).list());
    }

    /** The same counts as {@link #sharedIdNumberCounts} from the loaded members and a run's shared numbers. */
    private static Map<Long, Integer> counts(Map<Long, List<Member>> members, Set<String> shared) {
        Map<Long, Integer> counts = new HashMap<>();
        if (shared.isEmpty()) {
            return counts;
        }
        members.forEach((household, list) -> {
            long n = list.stream().map(Member::idNumber).filter(shared::contains).distinct().count();
            if (n > 0) {
                counts.put(household, (int) n);
            }
        });
        return counts;
    }

    private Map<Long, Integer> sharedIdNumberCounts(Collection<Long> ids) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT m.household_id, COUNT(DISTINCT m.id_number) FROM registry_member m "
                        + "WHERE m.household_id IN (:ids) AND m.id_number IS NOT NULL AND m.id_number <> '' "
                        + "AND EXISTS (SELECT 1 FROM registry_member o JOIN registry_household oh ON oh.id = o.household_id "
                        + "WHERE o.id_number = m.id_number AND o.household_id <> m.household_id AND oh.status = 'ACTIVE') "
                        + "GROUP BY m.household_id")
                .param("ids", ids)
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }
}
