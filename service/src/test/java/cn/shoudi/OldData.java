package cn.shoudi;

import cn.shoudi.registry.Measure;
import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition;
import cn.shoudi.rules.facts.HouseholdClass;
import cn.shoudi.rules.facts.HouseholdInput;
import cn.shoudi.rules.facts.MemberInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Registry rows written the way older data arrived (a township bulk load, a migration): no validation, no event. Values
 * are stored as the registry stores them (class as its enum name, risk types comma-joined and sorted, recorded facts
 * as a JSON object of canonical texts), but whatever they are: an invalid ID number, two heads or a value outside the
 * catalogue's choices is written as given.
 */
public final class OldData {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOUSING = "housing.";
    private static final String MEMBER = "members[].";
    private static final String MONITORING_CATEGORY = "monitoringCategory";
    private static final String MONITORING_SINCE = "monitoringSince";
    private static final String MEASURES = "measuresImplemented";

    private OldData() {
    }

    /** A 一般农户 holding these ID numbers, the first person its head; returns its id. */
    public static long household(JdbcClient jdbc, TestTownship town, String householdNo, List<String> idNumbers) {
        List<MemberInput> members = new ArrayList<>();
        for (int i = 0; i < idNumbers.size(); i++) {
            String number = idNumbers.get(i);
            members.add(new MemberInput(i == 0 ? "冉老汉" : "冉家成员" + i, number,
                    (number.charAt(16) - '0') % 2 == 1 ? "男" : "女", LocalDate.parse(TestIds.birthDate(number)),
                    i == 0 ? "户主" : "家庭成员"));
        }
        BigDecimal income = new BigDecimal(30000);
        return household(jdbc, town, householdNo, new HouseholdInput(householdNo, HouseholdClass.GENERAL, members,
                income, BigDecimal.ZERO, income, Set.of(), true, false));
    }

    /**
     * The household as given, with its members in order and, when its {@code helperAssigned} fact is true, the town's
     * helper cadre as its current helper; returns its id. Each stored fact goes where the registry keeps it: a
     * {@code housing.…} or {@code members[].…} field of the {@link FactCatalogue} to its column (same name in
     * snake_case), the monitoring status ({@code status.monitoringCategory}, {@code status.monitoringSince}) to the
     * status columns as a 监测对象, {@code status.measuresImplemented} as that many measures on the ledger, any other
     * (procedure dates and visit findings included, as a migration brings them) to the {@code facts} JSON. Facts the
     * registry supplies itself (helper, shared ID numbers) are not written. No status history is written: older data
     * has none.
     *
     * @throws IllegalArgumentException for a fact the registry does not store
     */
    public static long household(JdbcClient jdbc, TestTownship town, String householdNo, HouseholdInput in) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("household_no", householdNo);
        columns.put("village_id", town.villageId);
        columns.put("group_id", town.groupId);
        columns.put("household_class", in.householdClass().name());
        columns.put("net_income", in.netIncome());
        columns.put("rigid_expenditure", in.rigidExpenditure());
        columns.put("previous_year_net_income", in.previousYearNetIncome());
        columns.put("risk_types", String.join(",", new TreeSet<>(in.riskTypes())));
        columns.put("self_coping", in.selfCoping());
        columns.put("guarantee_issue", in.guaranteeIssue());
        Map<String, Object> facts = new TreeMap<>();
        Map<String, Object> details = new TreeMap<>(in.details().values());
        Object category = details.remove(MONITORING_CATEGORY);
        Object since = details.remove(MONITORING_SINCE);
        Object measures = details.remove(MEASURES);
        if (category != null || since != null) {
            columns.put("monitoring_status", "MONITORED");
            columns.put("monitoring_category", category);
            columns.put("monitoring_since", since);
        }
        details.forEach((key, value) -> {
            if (!FactCatalogue.STANDARD.suppliedByRegistry(key)) {
                place(key, value, HOUSING, columns, facts);
            }
        });
        columns.put("facts", json(facts));
        Timestamp now = Timestamp.from(Instant.now());
        columns.put("version", 0);
        columns.put("created_at", now);
        columns.put("updated_at", now);
        insert(jdbc, "registry_household", columns);
        long id = jdbc.sql("SELECT id FROM registry_household WHERE household_no = ?").param(householdNo)
                .query(Long.class).single();
        for (int i = 0; i < in.members().size(); i++) {
            MemberInput m = in.members().get(i);
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("household_id", id);
            member.put("position", i);
            member.put("name", m.name());
            member.put("id_number", m.idNumber());
            member.put("sex", m.sex());
            member.put("birth_date", m.birthDate());
            member.put("relation", m.relation());
            Map<String, Object> memberFacts = new TreeMap<>();
            m.facts().forEach((key, value) -> place(key, value, MEMBER, member, memberFacts));
            member.put("facts", json(memberFacts));
            insert(jdbc, "registry_member", member);
        }
        int count = measures == null ? 0 : ((Number) measures).intValue();
        for (int i = 0; i < count; i++) {
            jdbc.sql("INSERT INTO registry_measure (household_id, measure, implemented_on, source, recorded_at) "
                    + "VALUES (?, ?, ?, ?, ?)").params(id, Measure.values()[i].name(),
                    since != null ? since : LocalDate.now(), "旧数据", now).update();
        }
        if (Boolean.TRUE.equals(in.details().values().get("helperAssigned"))) {
            jdbc.sql("INSERT INTO registry_helper_assignment (household_id, position, cadre_id, start_date) "
                    + "VALUES (?, 0, ?, ?)").params(id, town.helperId, LocalDate.now()).update();
        }
        return id;
    }

    /** Puts a recorded fact into its column when the catalogue gives it a field under {@code prefix}, else into facts. */
    private static void place(String key, Object value, String prefix, Map<String, Object> columns,
                              Map<String, Object> facts) {
        FactDefinition d = FactCatalogue.STANDARD.require(key);
        if (d.storedInFactsMap()) {
            facts.put(key, d.format(value));
        } else if (d.recorded() && d.field().startsWith(prefix) && !d.isMemberIdentity()) {
            columns.put(snakeCase(d.field().substring(prefix.length())), value);
        } else {
            throw new IllegalArgumentException("the registry does not record " + key + " here (" + d.field() + ")");
        }
    }

    private static void insert(JdbcClient jdbc, String table, Map<String, Object> columns) {
        jdbc.sql("INSERT INTO " + table + " (" + String.join(", ", columns.keySet()) + ") VALUES ("
                        + columns.keySet().stream().map(c -> "?").collect(Collectors.joining(", ")) + ")")
                .params(new ArrayList<>(columns.values())).update();
    }

    private static String json(Map<String, Object> texts) {
        return texts.isEmpty() ? null : JSON.writeValueAsString(texts);
    }

    private static String snakeCase(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase();
    }
}
