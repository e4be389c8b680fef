package cn.shoudi.bench.evaluation;

import cn.shoudi.rules.facts.HouseholdFacts;
import cn.shoudi.rules.facts.HouseholdInput;
import cn.shoudi.rules.params.Parameter;
import cn.shoudi.rules.params.ParameterSet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default decision tables written by hand in plain Java: the practical floor that the Drools evaluation is
 * measured against. It must give the same outcomes and rule codes as the shipped tables on every example
 * ({@code HandWrittenPolicyUnitTest}); when a table changes, change this class with it.
 *
 * <p>One private method per table (identification, exit, monitoring, alerts, risk-cleared, data-quality), called only
 * on the dates the table applies (说明: 生效日期 to 失效日期, inclusive). Each method reads the parameters its table
 * uses once, then tests every rule row top to bottom, its conditions in the order of the table's columns; every row
 * whose conditions all hold fires, and the table's outcome is the top-most fired row's, otherwise the 默认结论. The
 * facts are computed once per evaluation ({@link HouseholdFacts}). Null facts compare as in Drools: {@code x == true},
 * {@code x == false} and {@code x >= n} are false when {@code x} is null, {@code x != true} is true
 * (see {@link #isTrue}, {@link #isFalse}, {@link #notTrue} and the comparison helpers).
 */
public final class HandWrittenPolicy {

    /** Outcome and fired rule codes per table id. */
    public record Result(Map<String, String> outcomes, Map<String, List<String>> codes) {
    }

    private static final LocalDate Y2014 = LocalDate.of(2014, 1, 1);
    private static final LocalDate Y2019 = LocalDate.of(2019, 1, 1);
    private static final LocalDate Y2020 = LocalDate.of(2020, 1, 1);
    private static final LocalDate END_2020 = LocalDate.of(2020, 12, 31);

    private final ParameterSet parameters;

    public HandWrittenPolicy(ParameterSet parameters) {
        this.parameters = parameters;
    }

    public Result evaluate(HouseholdInput input, LocalDate asOf) {
        Map<String, Parameter> params = new HashMap<>();
        for (String code : parameters.codes()) {
            parameters.find(code, asOf).ifPresent(p -> params.put(code, p));
        }
        HouseholdFacts f = new HouseholdFacts(input, asOf, params);
        Map<String, String> outcomes = new LinkedHashMap<>();
        Map<String, List<String>> codes = new LinkedHashMap<>();
        boolean from2014 = !asOf.isBefore(Y2014);
        boolean until2020 = !asOf.isAfter(END_2020);
        if (from2014 && until2020) {
            identification(f).put("identification", outcomes, codes);
            exit(f).put("exit", outcomes, codes);
        }
        if (!asOf.isBefore(Y2019)) {
            monitoring(f).put("monitoring", outcomes, codes);
            alerts(f).put("alerts", outcomes, codes);
        }
        if (!asOf.isBefore(Y2020)) {
            riskCleared(f).put("risk-cleared", outcomes, codes);
        }
        if (from2014) {
            dataQuality(f).put("data-quality", outcomes, codes);
        }
        return new Result(outcomes, codes);
    }

    /** identification.xlsx 识别 (四进七不进), 2014-01-01 to 2020-12-31. */
    private static Hits identification(HouseholdFacts f) {
        BigDecimal houseSince = f.param("house_acquired_since_year");
        BigDecimal vehicleThreshold = f.param("vehicle_value_threshold");
        BigDecimal awayThreshold = f.param("away_months_threshold");
        BigDecimal povertyLine = f.param("poverty_line");
        BigDecimal ageFrom = f.param("compulsory_age_from");
        BigDecimal ageTo = f.param("compulsory_age_to");
        Hits h = new Hits("不符合");
        boolean general = f.householdClassIn("一般农户");
        if (!general) {
            return h; // every row requires 一般农户
        }
        int cadres = f.getVillageCadreCount();
        h.row("ID-EX1", "不予识别", f.getPublicEmployeeCount() >= 1);
        h.row("ID-EX2", "不予识别", cadres >= 1 && notTrue(f.getMajorPovertyCause()));
        h.row("ID-EX3a", "不予识别", ge(f.getHouseAcquiredYear(), houseSince)
                && notTrue(f.getHouseAcquisitionExempt()));
        h.row("ID-EX3b", "不予识别", isTrue(f.getHighStandardRenovation()));
        h.row("ID-EX3c", "不予识别", isTrue(f.getTownPropertyOrShop()));
        h.row("ID-EX4a", "不予识别", ge(f.getVehicleValue(), vehicleThreshold));
        h.row("ID-EX4b", "不予识别", isTrue(f.getShipOrLargeMachinery()));
        h.row("ID-EX5", "不予识别", isTrue(f.getRunsEnterprise()));
        h.row("ID-EX6", "不予识别", ge(f.getAwayMonths(), awayThreshold) && isTrue(f.getIncomeAboveLocalAverage()));
        h.row("ID-EX2R", "人工复核", cadres >= 1 && isTrue(f.getMajorPovertyCause()));
        h.row("ID-EX7a", "人工复核", isTrue(f.getSplitOrMergedToQualify()));
        h.row("ID-EX7b", "人工复核", isTrue(f.getUnexplainedComplaint()));
        h.row("ID-IN1", "识别对象", lt(f.getPerCapitaNetIncome(), povertyLine));
        h.row("ID-IN2", "识别对象", f.outOfSchoolChildren(ageFrom, ageTo) >= 1);
        h.row("ID-IN3", "识别对象", isTrue(f.getUnsafeOrNoHouse()) && isFalse(f.getSelfRepairCapacity()));
        h.row("ID-IN4", "识别对象", isTrue(f.getMedicalCostBeyondAssets()));
        return h;
    }

    /** exit.xlsx 退出 (一出三不出, 两不愁三保障), 2014-01-01 to 2020-12-31. */
    private static Hits exit(HouseholdFacts f) {
        BigDecimal povertyLine = f.param("poverty_line");
        BigDecimal ageFrom = f.param("compulsory_age_from");
        BigDecimal ageTo = f.param("compulsory_age_to");
        BigDecimal minLitres = f.param("water_min_litres");
        BigDecimal minLitresDry = f.param("water_min_litres_dry");
        BigDecimal maxMinutes = f.param("water_fetch_max_minutes");
        BigDecimal maxHorizontal = f.param("water_fetch_max_horizontal_m");
        BigDecimal maxVertical = f.param("water_fetch_max_vertical_m");
        BigDecimal maxOutageDays = f.param("water_outage_max_days");
        Hits h = new Hits("可退出");
        if (!f.householdClassIn("未脱贫户")) {
            return h; // every row requires 未脱贫户
        }
        String no = "暂不退出";
        BigDecimal afterRigid = f.getPerCapitaIncomeAfterRigidExpenditure();
        h.row("XT-1", no, le(f.getPerCapitaNetIncome(), povertyLine));
        h.row("XT-2", no, isFalse(f.getStableIncomeSource()));
        h.row("XT-3", no, isFalse(f.getFoodSecure()));
        h.row("XT-4", no, isFalse(f.getClothingSecure()));
        h.row("XT-5", no, f.outOfSchoolChildren(ageFrom, ageTo) >= 1);
        h.row("XT-6a", no, f.getUninsuredCount() >= 1);
        h.row("XT-6b", no, f.getSeriousIllnessUninsuredCount() >= 1);
        h.row("XT-7", no, isFalse(f.getFamilyDoctorSigned()));
        h.row("XT-8", no, isFalse(f.getHousingSafe()));
        h.row("XT-9a", no, isTrue(f.waterQuantityShort(minLitres, minLitresDry)));
        h.row("XT-9b", no, isTrue(f.waterInconvenient(maxMinutes, maxHorizontal, maxVertical)));
        h.row("XT-9c", no, gt(f.getWaterOutageDays(), maxOutageDays));
        h.row("XT-9d", no, isFalse(f.getWaterQualityOk()));
        h.row("XT-10", no, isFalse(f.getElectricity()));
        h.row("XT-11", no, f.isRegisteredThisYear());
        h.row("XT-12", no, isFalse(f.getPolicyEffectVisible()));
        h.row("XT-13a", no, f.getSeriousIllnessCount() >= 1 && le(afterRigid, povertyLine));
        h.row("XT-13b", no, f.getChronicIllnessCount() >= 1 && le(afterRigid, povertyLine));
        return h;
    }

    /** monitoring.xlsx 监测对象纳入, from 2019-01-01. */
    private static Hits monitoring(HouseholdFacts f) {
        BigDecimal line = f.param("monitoring_line");
        BigDecimal dropTrigger = f.param("income_drop_trigger_pct");
        Hits h = new Hits("不纳入");
        if (f.isMonitored()) {
            return h; // every row requires monitored == false: a 监测对象 is not proposed again
        }
        boolean eligibleClass = f.householdClassIn("脱贫户、一般农户");
        String householdClass = f.getHouseholdClass();
        BigDecimal perCapita = f.getPerCapitaNetIncome();
        boolean atOrBelowLine = le(perCapita, line);
        boolean aboveLine = gt(perCapita, line);
        int risks = f.getRiskCount();
        boolean cannotCope = !f.isSelfCoping();
        h.row("M-1", "脱贫不稳定户", householdClass.equals("脱贫户") && atOrBelowLine && risks >= 1 && cannotCope);
        h.row("M-2", "边缘易致贫户", householdClass.equals("一般农户") && atOrBelowLine && risks >= 1 && cannotCope);
        h.row("M-3a", "突发严重困难户", eligibleClass && aboveLine
                && le(f.getPerCapitaIncomeAfterRigidExpenditure(), line) && cannotCope);
        h.row("M-3b", "突发严重困难户", eligibleClass && aboveLine && ge(f.getIncomeDropPercent(), dropTrigger)
                && cannotCope);
        h.row("M-3c", "突发严重困难户", eligibleClass && aboveLine && f.isGuaranteeIssue() && cannotCope);
        boolean disaster = f.hasAnyRiskType("因自然灾害、因意外事故");
        h.row("M-4a", null, eligibleClass && atOrBelowLine && cannotCope && disaster);
        h.row("M-4b", null, eligibleClass && aboveLine && le(f.getPerCapitaIncomeAfterRigidExpenditure(), line)
                && cannotCope && disaster);
        h.row("M-4c", null, eligibleClass && aboveLine && ge(f.getIncomeDropPercent(), dropTrigger) && cannotCope
                && disaster);
        h.row("M-4d", null, eligibleClass && aboveLine && f.isGuaranteeIssue() && cannotCope && disaster);
        return h;
    }

    /** alerts.xlsx 部门筛查预警, from 2019-01-01. */
    private static Hits alerts(HouseholdFacts f) {
        BigDecimal medicalRegistered = f.param("medical_alert_registered");
        BigDecimal medicalGeneral = f.param("medical_alert_general");
        BigDecimal outpatientMonthly = f.param("outpatient_alert_monthly");
        BigDecimal highSchoolCost = f.param("high_school_cost_alert");
        BigDecimal outageDays = f.param("water_outage_alert_days");
        Hits h = new Hits("无预警");
        String yes = "预警";
        boolean registeredOrMonitored = f.segmentIn("脱贫、监测");
        boolean general = f.segmentIn("一般农户");
        BigDecimal inpatient = f.getYtdInpatientSelfPaid();
        h.row("AL-MED-REG", yes, registeredOrMonitored && ge(inpatient, medicalRegistered));
        h.row("AL-MED-GEN", yes, general && ge(inpatient, medicalGeneral));
        h.row("AL-MED-OUT", yes, ge(f.getMaxMonthlyOutpatientSelfPaid(), outpatientMonthly));
        h.row("AL-HLTH-SER", yes, f.hasSignal("卫健:大病专项救治"));
        h.row("AL-EDU-DROP", yes, f.hasSignal("教育:辍学"));
        h.row("AL-EDU-HS", yes, gt(f.getHighSchoolSelfPaid(), highSchoolCost));
        h.row("AL-HOUSE-CD", yes, f.hasSignal("住建:房屋鉴定C级、住建:房屋鉴定D级"));
        h.row("AL-WATER-OUT", yes, gt(f.getSignalledOutageDays(), outageDays));
        h.row("AL-WATER-QUAL", yes, f.hasSignal("水利:水质不合格"));
        h.row("AL-DISASTER", yes, f.hasSignal("应急:受灾"));
        h.row("AL-JOB-LOST", yes, registeredOrMonitored && f.hasSignal("人社:失业"));
        h.row("AL-DIS-NEW", yes, f.hasSignal("残联:新增残疾"));
        h.row("AL-DIS-SEV", yes, f.hasSignal("残联:重度残疾"));
        h.row("AL-CA-APPLY", yes, f.hasSignal("民政:低保申请、民政:特困申请、民政:临时救助申请"));
        h.row("AL-DEATH", yes, f.hasSignal("民政:死亡、公安:死亡"));
        h.row("AL-HH-CHANGE", yes, f.hasSignal("公安:分户、公安:合户"));
        h.row("AL-VEHICLE", yes, f.hasSignal("公安:新购车辆"));
        h.row("AL-ILL", yes, registeredOrMonitored && f.getSeriousIllnessCount() >= 1);
        return h;
    }

    /** risk-cleared.xlsx 风险消除, from 2020-01-01. */
    private static Hits riskCleared(HouseholdFacts f) {
        BigDecimal minMonths = f.param("risk_clear_min_months");
        BigDecimal minMeasures = f.param("risk_clear_min_measures");
        BigDecimal stableMonths = f.param("risk_clear_stable_income_months");
        BigDecimal line = f.param("monitoring_line");
        Hits h = new Hits("不适用");
        if (!f.isMonitored()) {
            return h; // every row requires monitored == true
        }
        String keep = "继续监测";
        Integer months = f.getMonthsSinceMonitoring();
        Integer measures = f.getMeasuresImplemented();
        Integer stable = f.getIncomeStableMonths();
        BigDecimal perCapita = f.getPerCapitaNetIncome();
        Boolean rigidResolved = f.getRigidSpendResolved();
        boolean guaranteeIssue = f.isGuaranteeIssue();
        Boolean newRisk = f.getNewRiskDetected();
        int labour = f.getLabourCount();
        h.row("RC-MONTHS", keep, lt(months, minMonths));
        h.row("RC-MEASURES", keep, lt(measures, minMeasures));
        h.row("RC-STABLE", keep, lt(stable, stableMonths));
        h.row("RC-INCOME", keep, le(perCapita, line));
        h.row("RC-RIGID", keep, isFalse(rigidResolved));
        h.row("RC-GUARANTEE", keep, guaranteeIssue);
        h.row("RC-NEWRISK", keep, isTrue(newRisk));
        h.row("RC-NOLABOUR", keep, labour < 1 && f.getLabourUnknownCount() == 0);
        h.row("RC-OK", "建议消除", ge(months, minMonths) && ge(measures, minMeasures) && ge(stable, stableMonths)
                && gt(perCapita, line) && isTrue(rigidResolved) && !guaranteeIssue && isFalse(newRisk)
                && labour >= 1);
        return h;
    }

    /** data-quality.xlsx 数据质量三统一, from 2014-01-01. */
    private static Hits dataQuality(HouseholdFacts f) {
        BigDecimal otherCausesMax = f.param("other_causes_max");
        BigDecimal incomeChangeFlag = f.param("income_change_flag_pct");
        BigDecimal ageFrom = f.param("compulsory_age_from");
        BigDecimal ageTo = f.param("compulsory_age_to");
        Hits h = new Hits("数据合格");
        String fix = "需更正";
        String check = "需核实";
        boolean registered = f.householdClassIn("脱贫户、未脱贫户");
        int heads = f.getHeadCount();
        h.row("DQ-ID1a", fix, f.getInvalidIdNumberCount() >= 1);
        h.row("DQ-ID1b", fix, f.getDuplicateIdNumberCount() >= 1);
        h.row("DQ-ID3", fix, f.getSharedIdNumberCount() >= 1);
        h.row("DQ-ID2", fix, f.getInvalidDisabilityCardCount() >= 1);
        h.row("DQ-REL1", fix, heads < 1);
        h.row("DQ-REL2", fix, heads > 1);
        h.row("DQ-CAUSE1", fix, registered && !f.isMainCauseValid());
        h.row("DQ-CAUSE2", fix, registered && gt(f.getOtherCauseCount(), otherCausesMax));
        h.row("DQ-INC1", fix, isTrue(f.getIncomeArithmeticMismatch()));
        h.row("DQ-HELP", fix, f.segmentIn("脱贫、监测") && isFalse(f.getHelperAssigned()));
        h.row("DQ-3U", fix, f.isProcedureDatesOutOfOrder());
        h.row("DQ-ID1c", check, f.getMissingIdNumberCount() >= 1);
        h.row("DQ-REL3", check, f.getImplausibleRelationCount() >= 1);
        h.row("DQ-CAUSE3", check, registered && f.isCauseWithoutEvidence());
        h.row("DQ-INC2", check, gt(f.getIncomeChangePercent(), incomeChangeFlag));
        h.row("DQ-EDU1", check, f.outOfSchoolChildren(ageFrom, ageTo) >= 1);
        h.row("DQ-EDU2", check, f.schoolingUnknownChildren(ageFrom, ageTo) >= 1);
        h.row("DQ-MED1", check, f.getUninsuredCount() >= 1);
        h.row("DQ-MED2", check, f.getInsuranceUnknownCount() >= 1);
        h.row("DQ-HOUSE1", check, !f.isHouseGradeValid());
        h.row("DQ-HOUSE2", check, f.isUnsafeHouseWithoutWorks());
        return h;
    }

    // ------------------------------------------------------------------ Drools comparison semantics

    /** {@code x == true}: false when null. */
    private static boolean isTrue(Boolean x) {
        return Boolean.TRUE.equals(x);
    }

    /** {@code x == false}: false when null. */
    private static boolean isFalse(Boolean x) {
        return Boolean.FALSE.equals(x);
    }

    /** {@code x != true}: true when null. */
    private static boolean notTrue(Boolean x) {
        return !Boolean.TRUE.equals(x);
    }

    private static boolean lt(BigDecimal x, BigDecimal p) {
        return x != null && x.compareTo(p) < 0;
    }

    private static boolean le(BigDecimal x, BigDecimal p) {
        return x != null && x.compareTo(p) <= 0;
    }

    private static boolean gt(BigDecimal x, BigDecimal p) {
        return x != null && x.compareTo(p) > 0;
    }

    private static boolean ge(BigDecimal x, BigDecimal p) {
        return x != null && x.compareTo(p) >= 0;
    }

    private static boolean lt(Integer x, BigDecimal p) {
        return x != null && BigDecimal.valueOf(x).compareTo(p) < 0;
    }

    private static boolean gt(Integer x, BigDecimal p) {
        return x != null && BigDecimal.valueOf(x).compareTo(p) > 0;
    }

    private static boolean ge(Integer x, BigDecimal p) {
        return x != null && BigDecimal.valueOf(x).compareTo(p) >= 0;
    }

    /** The rows of one table that fired, top to bottom, and the outcome of the top-most one. */
    private static final class Hits {
        private final String defaultOutcome;
        private final List<String> codes = new ArrayList<>(4);
        private String outcome;

        Hits(String defaultOutcome) {
            this.defaultOutcome = defaultOutcome;
        }

        void row(String code, String rowOutcome, boolean fired) {
            if (fired) {
                codes.add(code);
                if (outcome == null) {
                    outcome = rowOutcome;
                }
            }
        }

        void put(String table, Map<String, String> outcomes, Map<String, List<String>> codesByTable) {
            outcomes.put(table, outcome == null ? defaultOutcome : outcome);
            codesByTable.put(table, codes);
        }
    }
}
