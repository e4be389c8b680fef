package cn.shoudi.registry;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A household as submitted by a client (create or full update). Money in 元 over the last 12 months.
 *
 * @param householdNo           household number (户编号), unique
 * @param villageId             village (行政村)
 * @param groupId               villager group (村民小组), must belong to the village
 * @param householdClass        户类型: 一般农户, 脱贫户 or 未脱贫户
 * @param netIncome             household net income (家庭纯收入)
 * @param rigidExpenditure      rigid expenditure (刚性支出)
 * @param previousYearNetIncome net income of the previous 12 months, optional
 * @param riskTypes             risk types (风险类型), e.g. 因病
 * @param selfCoping            whether the household can cope with its risks on its own
 * @param guaranteeIssue        whether 两不愁三保障 or drinking water is currently unmet
 * @param members               members, the head (户主) first
 * @param helperCadreId         helper cadre (帮扶责任人), optional
 * @param version               for updates: the version the client read (optimistic locking); ignored on create
 * @param housing               housing, water and registration details, optional
 * @param facts                 household facts of the fact catalogue recorded beyond these fields (七不进情形, 饮水, 收入构成,
 *                              监测 …), by catalogue key (see {@code GET /api/facts}); on an update a key set to null
 *                              clears it, a key left out keeps the stored value; optional
 */
public record HouseholdData(String householdNo, Long villageId, Long groupId, String householdClass,
                            BigDecimal netIncome, BigDecimal rigidExpenditure, BigDecimal previousYearNetIncome,
                            Set<String> riskTypes, Boolean selfCoping, Boolean guaranteeIssue,
                            List<MemberData> members, Long helperCadreId, Long version, Details housing,
                            Map<String, Object> facts) {

    /** Without recorded facts beyond the basics (an update keeps the stored ones). */
    public HouseholdData(String householdNo, Long villageId, Long groupId, String householdClass,
                         BigDecimal netIncome, BigDecimal rigidExpenditure, BigDecimal previousYearNetIncome,
                         Set<String> riskTypes, Boolean selfCoping, Boolean guaranteeIssue,
                         List<MemberData> members, Long helperCadreId, Long version, Details housing) {
        this(householdNo, villageId, groupId, householdClass, netIncome, rigidExpenditure, previousYearNetIncome,
                riskTypes, selfCoping, guaranteeIssue, members, helperCadreId, version, housing, null);
    }

    /** The same data with other members. */
    public HouseholdData withHousing(Details newHousing) {
        return new HouseholdData(householdNo, villageId, groupId, householdClass, netIncome, rigidExpenditure,
                previousYearNetIncome, riskTypes, selfCoping, guaranteeIssue, members, helperCadreId, version,
                newHousing, facts);
    }

    /**
     * The same data with another income (家庭纯收入 and the previous year's) and some recorded facts changed, e.g. the
     * income components that add up to it; facts left out keep their values on an update.
     */
    public HouseholdData withIncome(BigDecimal newNetIncome, BigDecimal newPreviousYearNetIncome,
                                    Map<String, Object> changedFacts) {
        return new HouseholdData(householdNo, villageId, groupId, householdClass, newNetIncome, rigidExpenditure,
                newPreviousYearNetIncome, riskTypes, selfCoping, guaranteeIssue, members, helperCadreId, version,
                housing, changedFacts);
    }

    /** The same data with other risk types (风险类型) and whether the household copes with them on its own. */
    public HouseholdData withRisks(Set<String> newRiskTypes, Boolean newSelfCoping) {
        return new HouseholdData(householdNo, villageId, groupId, householdClass, netIncome, rigidExpenditure,
                previousYearNetIncome, newRiskTypes, newSelfCoping, guaranteeIssue, members, helperCadreId, version,
                housing, facts);
    }

    public HouseholdData withMembers(List<MemberData> newMembers) {
        return new HouseholdData(householdNo, villageId, groupId, householdClass, netIncome, rigidExpenditure,
                previousYearNetIncome, riskTypes, selfCoping, guaranteeIssue, newMembers, helperCadreId, version,
                housing, facts);
    }

    /**
     * Optional household details; null fields are not recorded.
     *
     * @param houseGrade         房屋安全等级 A, B, C, D or 无房
     * @param houseRenovated     C/D house renovated (危房改造完成)
     * @param relocated          moved by 易地扶贫搬迁
     * @param waterQualityOk     drinking water passed its quality test
     * @param familyDoctorSigned family-doctor contract signed
     * @param lowIncomeAllowance receives 低保
     * @param registeredYear     year registered as poor (建档立卡)
     * @param exitYear           year of exit (脱贫)
     * @param mainCause          主要致贫原因
     * @param houseUse           use of the appraised house (住房用途): 自住, 临时生产用房 or 闲置
     * @param houseBuildings     number of buildings appraised (鉴定栋数)
     * @param relocationYear     year of the 易地扶贫搬迁 move
     * @param waterPointId       the drinking-water point (供水点) that serves the household
     */
    public record Details(String houseGrade, Boolean houseRenovated, Boolean relocated, Boolean waterQualityOk,
                          Boolean familyDoctorSigned, Boolean lowIncomeAllowance, Integer registeredYear,
                          Integer exitYear, String mainCause, String houseUse, Integer houseBuildings,
                          Integer relocationYear, Long waterPointId) {

        /** Details without the housing-appraisal, relocation and water-point fields. */
        public Details(String houseGrade, Boolean houseRenovated, Boolean relocated, Boolean waterQualityOk,
                       Boolean familyDoctorSigned, Boolean lowIncomeAllowance, Integer registeredYear,
                       Integer exitYear, String mainCause) {
            this(houseGrade, houseRenovated, relocated, waterQualityOk, familyDoctorSigned, lowIncomeAllowance,
                    registeredYear, exitYear, mainCause, null, null, null, null);
        }

        /** The recorded facts among these fields, by catalogue key; unset ones are left out. */
        public Map<String, Object> factValues() {
            Map<String, Object> out = new LinkedHashMap<>();
            putIfSet(out, "houseGrade", houseGrade);
            putIfSet(out, "houseRenovated", houseRenovated);
            putIfSet(out, "relocated", relocated);
            putIfSet(out, "waterQualityOk", waterQualityOk);
            putIfSet(out, "familyDoctorSigned", familyDoctorSigned);
            putIfSet(out, "lowIncomeAllowance", lowIncomeAllowance);
            putIfSet(out, "registeredYear", registeredYear);
            putIfSet(out, "exitYear", exitYear);
            putIfSet(out, "mainCause", mainCause);
            return out;
        }

        /**
         * The same details with the recorded facts among {@code values} applied (catalogue key → typed value, null
         * clears); keys of other facts and the fields that are not facts (house use, buildings …) are kept.
         */
        public Details withFactValues(Map<String, ?> values) {
            return new Details((String) pick(values, "houseGrade", houseGrade),
                    (Boolean) pick(values, "houseRenovated", houseRenovated), (Boolean) pick(values, "relocated", relocated),
                    (Boolean) pick(values, "waterQualityOk", waterQualityOk),
                    (Boolean) pick(values, "familyDoctorSigned", familyDoctorSigned),
                    (Boolean) pick(values, "lowIncomeAllowance", lowIncomeAllowance),
                    (Integer) pick(values, "registeredYear", registeredYear),
                    (Integer) pick(values, "exitYear", exitYear), (String) pick(values, "mainCause", mainCause),
                    houseUse, houseBuildings, relocationYear, waterPointId);
        }

        /** The same details with the status years (decided by procedures) set. */
        public Details withStatusYears(Integer registered, Integer exited) {
            return new Details(houseGrade, houseRenovated, relocated, waterQualityOk, familyDoctorSigned,
                    lowIncomeAllowance, registered, exited, mainCause, houseUse, houseBuildings, relocationYear,
                    waterPointId);
        }

        /** Details with nothing recorded. */
        public static final Details NONE = new Details(null, null, null, null, null, null, null, null, null);
    }

    /** Puts a recorded value under its catalogue key; an unset one is left out. */
    static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** The value {@code values} names for the key (null when it clears it), else the current one. */
    static Object pick(Map<String, ?> values, String key, Object current) {
        return values.containsKey(key) ? values.get(key) : current;
    }

    /** Without details. */
    public HouseholdData(String householdNo, Long villageId, Long groupId, String householdClass,
                         BigDecimal netIncome, BigDecimal rigidExpenditure, BigDecimal previousYearNetIncome,
                         Set<String> riskTypes, Boolean selfCoping, Boolean guaranteeIssue,
                         List<MemberData> members, Long helperCadreId, Long version) {
        this(householdNo, villageId, groupId, householdClass, netIncome, rigidExpenditure, previousYearNetIncome,
                riskTypes, selfCoping, guaranteeIssue, members, helperCadreId, version, null);
    }
}
