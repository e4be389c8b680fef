package cn.shoudi.registry;

import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition;
import cn.shoudi.rules.facts.FactDefinition.Level;
import cn.shoudi.rules.facts.HouseholdClass;
import cn.shoudi.rules.facts.IdNumbers;
import cn.shoudi.registry.InvalidHouseholdException.FieldProblem;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Period;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Validates submitted household data and reports every problem at once, each with the field, a code and a Chinese
 * message.
 */
@Component
class HouseholdValidator {

    /** Risk types (返贫致贫风险类型) the registry accepts. */
    static final Set<String> RISK_TYPES = allowed("riskTypes");
    private static final BigDecimal MAX_MONEY = new BigDecimal("100000000");

    private final JdbcClient jdbc;
    private final String asOf;

    HouseholdValidator(JdbcClient jdbc, @Value("${shoudi.assessment.as-of:}") String asOf) {
        this.jdbc = jdbc;
        this.asOf = asOf;
    }

    /**
     * @param data        submitted data
     * @param householdId the household being updated, or null for a new one
     * @throws InvalidHouseholdException listing every problem
     */
    void validate(HouseholdData data, Long householdId) {
        validate(data, householdId, null);
    }

    /**
     * @param movingFrom a household whose members move into this one in the same change (分户, 合户): their ID numbers
     *                   may still be its members; null for none
     */
    void validate(HouseholdData data, Long householdId, Long movingFrom) {
        List<FieldProblem> p = new ArrayList<>();
        if (blank(data.householdNo())) {
            p.add(new FieldProblem("householdNo", "REQUIRED", "户编号不能为空"));
        } else if (data.householdNo().trim().length() > 32) {
            p.add(new FieldProblem("householdNo", "TOO_LONG", "户编号不能超过32个字符"));
        }
        References refs = references(data, householdId);
        if (refs.otherWithNo() != null) {
            p.add(new FieldProblem("householdNo", "DUPLICATE", "户编号已被其他户使用"));
        }
        if (data.villageId() == null) {
            p.add(new FieldProblem("villageId", "REQUIRED", "行政村不能为空"));
        } else if (!refs.villageExists()) {
            p.add(new FieldProblem("villageId", "NOT_FOUND", "行政村不存在"));
        }
        if (data.groupId() == null) {
            p.add(new FieldProblem("groupId", "REQUIRED", "村民小组不能为空"));
        } else if (refs.groupVillage() == null) {
            p.add(new FieldProblem("groupId", "NOT_FOUND", "村民小组不存在"));
        } else if (data.villageId() != null && !refs.groupVillage().equals(data.villageId())) {
            p.add(new FieldProblem("groupId", "WRONG_VILLAGE", "村民小组不属于所选行政村"));
        }
        if (blank(data.householdClass())) {
            p.add(new FieldProblem("householdClass", "REQUIRED", "户类型不能为空"));
        } else {
            try {
                HouseholdClass.parse(data.householdClass());
            } catch (IllegalArgumentException e) {
                p.add(new FieldProblem("householdClass", "INVALID", e.getMessage()));
            }
        }
        money(p, "netIncome", "家庭纯收入", data.netIncome(), true, true);
        money(p, "rigidExpenditure", "刚性支出", data.rigidExpenditure(), false, false);
        money(p, "previousYearNetIncome", "上年纯收入", data.previousYearNetIncome(), false, true);
        if (data.riskTypes() != null) {
            for (String r : data.riskTypes()) {
                if (!RISK_TYPES.contains(r)) {
                    p.add(new FieldProblem("riskTypes", "INVALID", "未知的风险类型“" + r + "”，可选："
                            + String.join("、", RISK_TYPES.stream().sorted().toList())));
                }
            }
        }
        if (data.helperCadreId() != null && refs.helperActive() == null) {
            p.add(new FieldProblem("helperCadreId", "NOT_FOUND", "帮扶责任人不存在"));
        } else if (data.helperCadreId() != null && !refs.helperActive()) {
            p.add(new FieldProblem("helperCadreId", "INACTIVE", "该干部已调离或停用，不能担任帮扶责任人"));
        }
        members(data.members(), p);
        onePersonOneHousehold(data.members(), householdId, movingFrom, p);
        details(data.housing(), p);
        Map<String, Object> stored = householdId == null ? Map.of() : RecordedFacts.read(jdbc
                .sql("SELECT facts FROM registry_household WHERE id = ?").param(householdId).query(String.class)
                .optional().orElse(null));
        facts(data.facts(), stored, Level.HOUSEHOLD, "facts.", p);
        if (!p.isEmpty()) {
            throw new InvalidHouseholdException(p);
        }
    }

    private void members(List<MemberData> members, List<FieldProblem> p) {
        if (members == null || members.isEmpty()) {
            p.add(new FieldProblem("members", "REQUIRED", "家庭成员不能为空"));
            return;
        }
        long heads = members.stream().filter(m -> m != null && "户主".equals(trim(m.relation()))).count();
        if (heads != 1) {
            p.add(new FieldProblem("members", "ONE_HEAD", "家庭成员中应有且只有一位户主，现有 " + heads + " 位"));
        }
        Set<String> ids = new HashSet<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // schooling is checked against age on the evaluation date (a registry as of an earlier year stays valid)
        LocalDate schoolDay = asOf == null || asOf.isBlank() ? today : LocalDate.parse(asOf.trim());
        for (int i = 0; i < members.size(); i++) {
            MemberData m = members.get(i);
            String f = "members[" + i + "].";
            if (m == null) {
                p.add(new FieldProblem("members[" + i + "]", "REQUIRED", "成员信息不能为空"));
                continue;
            }
            if (blank(m.name())) {
                p.add(new FieldProblem(f + "name", "REQUIRED", "姓名不能为空"));
            } else if (m.name().trim().length() > 50) {
                p.add(new FieldProblem(f + "name", "TOO_LONG", "姓名不能超过50个字符"));
            }
            if (!"男".equals(m.sex()) && !"女".equals(m.sex())) {
                p.add(new FieldProblem(f + "sex", "INVALID", "性别应为“男”或“女”"));
            }
            if (m.birthDate() == null) {
                p.add(new FieldProblem(f + "birthDate", "REQUIRED", "出生日期不能为空"));
            } else if (m.birthDate().isAfter(today)) {
                p.add(new FieldProblem(f + "birthDate", "IN_FUTURE", "出生日期不能晚于今天"));
            }
            if (blank(m.relation())) {
                p.add(new FieldProblem(f + "relation", "REQUIRED", "与户主关系不能为空"));
            } else if (m.relation().trim().length() > 20) {
                p.add(new FieldProblem(f + "relation", "TOO_LONG", "与户主关系不能超过20个字符"));
            }
            oneOf(p, f + "health", "健康状况", m.health(), HEALTH);
            oneOf(p, f + "schooling", "就学情况", m.schooling(), SCHOOLING);
            if (m.schooling() != null && m.birthDate() != null) {
                int age = Period.between(m.birthDate(), schoolDay).getYears();
                boolean student = Set.of("在校", "辍学", "送教上门").contains(m.schooling());
                if (student && (age < 3 || age > 30) || "学前".equals(m.schooling()) && age > 7
                        || "未入学".equals(m.schooling()) && age > 18) {
                    p.add(new FieldProblem(f + "schooling", "AGE_MISMATCH", "就学情况“" + m.schooling() + "”与年龄 "
                            + age + " 岁不符"));
                }
            }
            oneOf(p, f + "labour", "劳动能力", m.labour(), LABOUR);
            oneOf(p, f + "educationAid", "教育资助", m.educationAid(), EDUCATION_AID);
            if (m.disabilityGrade() != null && (m.disabilityGrade() < 1 || m.disabilityGrade() > 4)) {
                p.add(new FieldProblem(f + "disabilityGrade", "OUT_OF_RANGE", "残疾等级应为 1 至 4 级"));
            }
            facts(m.facts(), Map.of(), Level.MEMBER, f + "facts.", p);
            if (!blank(m.idNumber())) {
                String sex = "男".equals(m.sex()) || "女".equals(m.sex()) ? m.sex() : null;
                IdNumbers.problem(m.idNumber(), sex, m.birthDate(), today)
                        .ifPresent(msg -> p.add(new FieldProblem(f + "idNumber", "INVALID_ID_NUMBER", msg)));
                if (!ids.add(m.idNumber().trim().toUpperCase())) {
                    p.add(new FieldProblem(f + "idNumber", "DUPLICATE", "同一户中身份证号重复"));
                }
            }
        }
    }

    /**
     * What the household refers to, read in one round trip: another household with its number (null: none), whether
     * its village exists, its villager group's village (null: no such group) and whether its helper is active (null:
     * no such cadre).
     */
    private record References(Long otherWithNo, boolean villageExists, Long groupVillage, Boolean helperActive) {
    }

    private References references(HouseholdData data, Long householdId) {
        String no = blank(data.householdNo()) ? null : data.householdNo().trim();
        return jdbc.sql("SELECT (SELECT MIN(id) FROM registry_household WHERE household_no = :no AND id <> :self), "
                        + "(SELECT COUNT(*) FROM registry_village WHERE id = :village), "
                        + "(SELECT village_id FROM registry_villager_group WHERE id = :group), "
                        + "(SELECT active FROM registry_cadre WHERE id = :helper)")
                .param("no", no).param("self", householdId == null ? -1L : householdId)
                .param("village", data.villageId()).param("group", data.groupId())
                .param("helper", data.helperCadreId())
                .query((rs, n) -> new References(rs.getObject(1, Long.class), rs.getLong(2) > 0,
                        rs.getObject(3, Long.class), rs.getObject(4, Boolean.class)))
                .single();
    }

    /**
     * One person, one household: an ID number that is a member of another active household is refused, naming that
     * household; moving a person goes through the member events (迁出 then 迁入, 婚出 then 婚入, 分户, 合户).
     */
    private void onePersonOneHousehold(List<MemberData> members, Long householdId, Long movingFrom,
                                       List<FieldProblem> p) {
        if (members == null) {
            return;
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            MemberData m = members.get(i);
            if (m != null && !blank(m.idNumber())) {
                index.putIfAbsent(m.idNumber().trim().toUpperCase(), i);
            }
        }
        if (index.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT m.id_number, h.household_no, v.name FROM registry_member m "
                        + "JOIN registry_household h ON h.id = m.household_id "
                        + "JOIN registry_village v ON v.id = h.village_id "
                        + "WHERE m.id_number IN (:ids) AND h.status = 'ACTIVE' AND h.id <> :self AND h.id <> :moving "
                        + "ORDER BY h.id")
                .param("ids", index.keySet()).param("self", householdId == null ? -1L : householdId)
                .param("moving", movingFrom == null ? -1L : movingFrom)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list()
                .forEach(r -> p.add(new FieldProblem("members[" + index.get(r[0]) + "].idNumber", "IN_OTHER_HOUSEHOLD",
                        "身份证号已登记在" + r[2] + "户 " + r[1] + " 的成员中（一人只能在一户）；迁移人员请先在原户办理迁出、婚出、"
                                + "分户或合户")));
    }

    static final Set<String> HEALTH = allowed("health");
    static final Set<String> SCHOOLING = allowed("schooling");
    static final Set<String> LABOUR = allowed("labour");
    static final Set<String> HOUSE_GRADES = allowed("houseGrade");
    static final Set<String> HOUSE_USES = Set.of("自住", "临时生产用房", "闲置");
    static final Set<String> EDUCATION_AID = Set.of("学前", "义务教育", "高中阶段", "高等教育");
    static final Set<String> CAUSES = allowed("mainCause");

    private static Set<String> allowed(String key) {
        return new LinkedHashSet<>(FactCatalogue.STANDARD.require(key).allowed());
    }

    private void details(HouseholdData.Details d, List<FieldProblem> p) {
        if (d == null) {
            return;
        }
        oneOf(p, "housing.houseGrade", "房屋安全等级", d.houseGrade(), HOUSE_GRADES);
        oneOf(p, "housing.houseUse", "住房用途", d.houseUse(), HOUSE_USES);
        if (d.houseBuildings() != null && (d.houseBuildings() < 0 || d.houseBuildings() > 20)) {
            p.add(new FieldProblem("housing.houseBuildings", "OUT_OF_RANGE", "鉴定房屋栋数应在 0 至 20 之间"));
        }
        if (d.relocationYear() != null && (d.relocationYear() < 2000
                || d.relocationYear() > LocalDate.now(ZoneOffset.UTC).getYear())) {
            p.add(new FieldProblem("housing.relocationYear", "OUT_OF_RANGE", "搬迁年份应在 2000 年至今年之间"));
        }
        if (d.waterPointId() != null && jdbc.sql("SELECT COUNT(*) FROM registry_water_point WHERE id = ?")
                .param(d.waterPointId()).query(Long.class).single() == 0) {
            p.add(new FieldProblem("housing.waterPointId", "NOT_FOUND", "供水点不存在"));
        }
        oneOf(p, "housing.mainCause", "主要致贫原因", d.mainCause(), CAUSES);
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        if (d.registeredYear() != null && (d.registeredYear() < 2013 || d.registeredYear() > year)) {
            p.add(new FieldProblem("housing.registeredYear", "OUT_OF_RANGE", "建档立卡年份应在 2013 年至今年之间"));
        }
        if (d.exitYear() != null && d.registeredYear() != null && d.exitYear() < d.registeredYear()) {
            p.add(new FieldProblem("housing.exitYear", "BEFORE_REGISTRATION", "脱贫年份不能早于建档立卡年份"));
        }
    }

    /**
     * Checks submitted recorded facts against the catalogue: known keys of this level kept in the {@code facts} map,
     * values of the fact's type within its allowed values or range, and the cross-field rules on the values the
     * household will have (stored values with the submitted ones applied).
     */
    void facts(Map<String, Object> submitted, Map<String, Object> stored, Level level, String prefix,
               List<FieldProblem> p) {
        if (submitted == null) {
            return;
        }
        Map<String, Object> merged = new HashMap<>(stored);
        for (Map.Entry<String, Object> e : submitted.entrySet()) {
            String field = prefix + e.getKey();
            Optional<FactDefinition> d = FactCatalogue.STANDARD.get(e.getKey());
            if (d.isEmpty()) {
                p.add(new FieldProblem(field, "UNKNOWN_FACT", "未知的数据项「" + e.getKey() + "」，可用的数据项见 /api/facts"));
            } else if (d.get().level() != level) {
                p.add(new FieldProblem(field, "WRONG_LEVEL", "「" + d.get().label() + "」是"
                        + d.get().level().label() + "级数据项，不能填在" + level.label() + "级"));
            } else if (!d.get().inFactsMap()) {
                p.add(new FieldProblem(field, "NOT_RECORDED_HERE", d.get().recorded()
                        ? "「" + d.get().label() + "」请填在 " + d.get().field()
                        : "「" + d.get().label() + "」来自" + d.get().source().label() + "，不能直接录入"));
            } else {
                try {
                    Object value = d.get().fromJson(e.getValue());
                    if (value == null) {
                        merged.remove(e.getKey());
                    } else {
                        merged.put(e.getKey(), value);
                    }
                } catch (IllegalArgumentException ex) {
                    p.add(new FieldProblem(field, "INVALID", ex.getMessage()));
                }
            }
        }
        if (level == Level.HOUSEHOLD) {
            requires(merged, "houseAcquisitionExempt", "houseAcquiredYear", prefix, p);
        }
    }

    /** A fact that may be recorded only together with another, e.g. an exemption only with the purchase year. */
    private static void requires(Map<String, Object> values, String key, String needed, String prefix,
                                 List<FieldProblem> p) {
        if (values.get(key) != null && values.get(needed) == null) {
            FactCatalogue c = FactCatalogue.STANDARD;
            p.add(new FieldProblem(prefix + key, "REQUIRES", "填写「" + c.require(key).label() + "」须同时填写「"
                    + c.require(needed).label() + "」"));
        }
    }

    private static void oneOf(List<FieldProblem> p, String field, String label, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            p.add(new FieldProblem(field, "INVALID", label + "“" + value + "”无效，可选：" + String.join("、",
                    allowed.stream().sorted().toList())));
        }
    }

    private static void money(List<FieldProblem> p, String field, String label, BigDecimal v, boolean required,
                              boolean mayBeNegative) {
        if (v == null) {
            if (required) {
                p.add(new FieldProblem(field, "REQUIRED", label + "不能为空"));
            }
            return;
        }
        if (!mayBeNegative && v.signum() < 0) {
            p.add(new FieldProblem(field, "NEGATIVE", label + "不能为负数"));
        }
        if (v.abs().compareTo(MAX_MONEY) >= 0 || v.scale() > 2) {
            p.add(new FieldProblem(field, "OUT_OF_RANGE", label + "超出范围（最多两位小数，绝对值小于一亿元）"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
