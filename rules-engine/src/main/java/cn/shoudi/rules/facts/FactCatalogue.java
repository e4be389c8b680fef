package cn.shoudi.rules.facts;

import cn.shoudi.rules.facts.FactDefinition.Level;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.time.ZoneOffset;

import static cn.shoudi.rules.facts.FactGroup.*;
import static cn.shoudi.rules.facts.FactType.*;

/**
 * The fact catalogue (数据项目录): every fact a decision table can test, household and member level, with its key,
 * Chinese label, type, allowed values or range, unit, group and its source in the product. It is the single source for
 * the registry's validation and storage of recorded facts, the REST schema, the import template's columns, the survey
 * form, the examples sheets' headers and the explanations' labels, and the reachability gate of publication: a rule row
 * may test only facts that have a source.
 *
 * <p>Adding a fact: one entry here (and, for a fact tables test directly, its getter in {@link HouseholdFacts});
 * recorded facts are stored in the registry's {@code facts} column without a migration.
 */
public final class FactCatalogue {

    // the word lists come first: static fields are initialised in order and STANDARD uses them
    private static final List<String> CLASSES = List.of("一般农户", "脱贫户", "未脱贫户");
    private static final List<String> RISK_TYPES = List.of("因病", "因学", "因残", "因自然灾害", "因意外事故",
            "因产业项目失败", "因务工就业不稳", "缺劳动力", "其他");
    /** 主要致贫原因 codes of the 《贫困户登记表》; the form writes 其它. */
    private static final List<String> CAUSES = List.of("因病", "因残", "因学", "因灾", "缺土地", "缺水", "缺技术", "缺劳力",
            "缺资金", "交通条件落后", "自身发展动力不足", "其它");
    private static final Set<String> SUPPLIED_BY_REGISTRY = Set.of("helperAssigned", "sharedIdNumberCount");
    /** Recorded when a household is registered, changed afterwards only by a decision (procedure or correction). */
    private static final Set<String> DECIDED = Set.of("householdClass", "registeredYear", "exitYear");
    private static final BigDecimal MONEY_MAX = new BigDecimal("99999999.99");

    /** The catalogue shipped with the product. */
    public static final FactCatalogue STANDARD = standard();

    private final Map<String, FactDefinition> byKey;

    /** A catalogue of these definitions; keys must be unique. */
    public FactCatalogue(Collection<FactDefinition> definitions) {
        Map<String, FactDefinition> map = new LinkedHashMap<>();
        for (FactDefinition d : definitions) {
            if (map.put(d.key(), d) != null) {
                throw new IllegalArgumentException("duplicate fact key " + d.key());
            }
        }
        this.byKey = Collections.unmodifiableMap(map);
    }

    /** Every definition, in catalogue order (group by group). */
    public Collection<FactDefinition> all() {
        return byKey.values();
    }

    public Optional<FactDefinition> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The definition of a key the caller knows exists. */
    public FactDefinition require(String key) {
        FactDefinition d = byKey.get(key);
        if (d == null) {
            throw new IllegalArgumentException("unknown fact " + key);
        }
        return d;
    }

    /** The facts people record at this level in the {@code facts} map of the registry, in catalogue order. */
    public List<FactDefinition> recordedInFactsMap(Level level) {
        return byKey.values().stream().filter(d -> d.level() == level && d.inFactsMap()).toList();
    }

    /** The facts people record at this level, basics included, in catalogue order. */
    public List<FactDefinition> recorded(Level level) {
        return byKey.values().stream().filter(d -> d.level() == level && d.recorded()).toList();
    }

    /**
     * Whether the registry computes this derived fact and hands it to the rules in {@link HouseholdDetails}, because
     * the rules, which see one household at a time, cannot: {@code helperAssigned} from the helper periods,
     * {@code sharedIdNumberCount} by comparing the members' ID numbers with every other active household's (DQ-ID3).
     * An examples sheet states such a value in a column of its own.
     */
    public boolean suppliedByRegistry(String key) {
        return SUPPLIED_BY_REGISTRY.contains(key) && byKey.containsKey(key);
    }

    /**
     * Whether a recorded fact is part of the household's status (户类型, 建档立卡年份, 脱贫年份): given when the household is
     * registered, then changed only by a completed procedure (识别, 退出) or an administrator's audited correction,
     * never by an edit or an import.
     */
    public boolean decidedByProcedure(String key) {
        return DECIDED.contains(key);
    }

    /**
     * Whether a fact has a source in the product: a source other than {@link FactSource#NONE}, and for a derived
     * fact, every fact it is computed from has one.
     */
    public boolean hasSource(String key) {
        return unsourced(key).isEmpty();
    }

    /**
     * The facts that leave this one without a source, empty when it has one: itself when it is not in the catalogue,
     * has source {@link FactSource#NONE}, or is derived from nothing or from itself (a cycle); for a derived fact,
     * those of the facts it is computed from, recursively.
     */
    public Set<String> unsourced(String key) {
        Set<String> out = new LinkedHashSet<>();
        collectUnsourced(key, out, new HashSet<>());
        return out;
    }

    private void collectUnsourced(String key, Set<String> out, Set<String> path) {
        FactDefinition d = byKey.get(key);
        if (d == null || d.source() == FactSource.NONE || path.contains(key)
                || d.source() == FactSource.DERIVED && d.derivedFrom().isEmpty()) {
            out.add(key);
            return;
        }
        if (d.source() == FactSource.DERIVED) {
            path.add(key);
            d.derivedFrom().forEach(k -> collectUnsourced(k, out, path));
            path.remove(key);
        }
    }

    /** The stored facts (recorded by people or written by a lifecycle) a fact is computed from, itself for a stored one. */
    public Set<String> recordedInputs(String key) {
        Set<String> out = new LinkedHashSet<>();
        collect(key, out, new HashSet<>());
        return out;
    }

    private void collect(String key, Set<String> out, Set<String> visiting) {
        FactDefinition d = byKey.get(key);
        if (d == null || !visiting.add(key)) {
            return;
        }
        if (d.source() == FactSource.DERIVED) {
            d.derivedFrom().forEach(k -> collect(k, out, visiting));
        } else if (d.stored()) {
            out.add(key);
        }
    }

    // ------------------------------------------------------------------------------------------ the shipped entries

    private static FactCatalogue standard() {
        List<FactDefinition> all = new ArrayList<>();
        int thisYear = LocalDate.now(ZoneOffset.UTC).getYear();
        // basics: their own fields of the household
        all.add(hh("householdClass", "户类型", BASIC, CHOICE).allowed(CLASSES).field("householdClass").done());
        all.add(hh("members", "家庭成员", MEMBERS, TEXT).field("members").done());
        all.add(hh("netIncome", "家庭纯收入", INCOME, DECIMAL).range(-MONEY_MAX.doubleValue(), MONEY_MAX.doubleValue())
                .unit("元").field("netIncome").hint("近12个月：工资性+经营性+转移性+财产性收入−生产经营费用").done());
        all.add(hh("rigidExpenditure", "刚性支出", INCOME, DECIMAL).range(0, MONEY_MAX.doubleValue()).unit("元")
                .field("rigidExpenditure").hint("近12个月因病、因学、因灾等刚性支出").done());
        all.add(hh("previousYearNetIncome", "上年纯收入", INCOME, DECIMAL)
                .range(-MONEY_MAX.doubleValue(), MONEY_MAX.doubleValue()).unit("元").field("previousYearNetIncome").done());
        all.add(hh("riskTypes", "风险类型", MONITORING, CHOICES).allowed(RISK_TYPES).field("riskTypes").done());
        all.add(hh("selfCoping", "能否自身应对", MONITORING, BOOLEAN).field("selfCoping").done());
        all.add(hh("guaranteeIssue", "三保障或饮水问题", LIVING, BOOLEAN).field("guaranteeIssue")
                .hint("干部核实两不愁三保障或饮水安全未解决；危房、未参保、水质不合格也会自动计入").done());
        all.add(hh("helperCadre", "帮扶责任人", ASSISTANCE, TEXT).field("helperCadreId").done());
        // members: basics and recorded facts
        all.add(member("name", "姓名", TEXT).field("members[].name").done());
        all.add(member("idNumber", "身份证号", TEXT).field("members[].idNumber").done());
        all.add(member("sex", "性别", CHOICE).allowed(List.of("男", "女")).field("members[].sex").done());
        all.add(member("birthDate", "出生日期", DATE).field("members[].birthDate").done());
        all.add(member("relation", "与户主关系", TEXT).field("members[].relation").done());
        all.add(member("health", "健康状况", CHOICE).group(MEDICAL).allowed(List.of("健康", "长期慢性病", "大病", "残疾"))
                .field("members[].health").done());
        all.add(member("disabilityGrade", "残疾等级", INTEGER).group(MEDICAL).range(1, 4).unit("级")
                .field("members[].disabilityGrade").absent("无残疾").done());
        all.add(member("disabilityCardNo", "残疾证号", TEXT).group(MEDICAL)
                .hint("20位：身份证号+残疾类别(1-7)+残疾等级(1-4)").absent("无残疾证").done());
        all.add(member("medicalInsured", "基本医保", BOOLEAN).group(MEDICAL).field("members[].medicalInsured").done());
        all.add(member("seriousIllnessInsured", "大病保险", BOOLEAN).group(MEDICAL).done());
        all.add(member("schooling", "就学情况", CHOICE).group(EDUCATION)
                .allowed(List.of("在校", "辍学", "送教上门", "未入学", "学前", "已毕业", "非在校"))
                .field("members[].schooling").done());
        all.add(member("schoolStage", "学段", CHOICE).group(EDUCATION)
                .allowed(List.of("学前", "小学", "初中", "高中", "中职", "大专及以上")).done());
        all.add(member("healthExempt", "身体原因免学", BOOLEAN).group(EDUCATION)
                .hint("身体原因不具备学习条件，经教育部门认定").done());
        all.add(member("labour", "劳动能力", CHOICE).group(INCOME)
                .allowed(List.of("普通劳动力", "技能劳动力", "弱劳动力", "丧失劳动力", "无劳动力"))
                .field("members[].labour").done());
        all.add(member("employed", "务工", BOOLEAN).group(INCOME).done());
        all.add(member("publicEmployee", "财政供养", BOOLEAN).group(EXCLUSION)
                .hint("财政供养人员（正式编制）或国家公职人员").done());
        all.add(member("villageCadre", "村干部", BOOLEAN).group(EXCLUSION).hint("现任村四职/村三委干部").done());
        // registration (建档立卡)
        all.add(hh("registeredYear", "建档立卡年份", REGISTRATION, INTEGER).range(2013, thisYear).unit("年")
                .field("housing.registeredYear").absent("未建档立卡").done());
        all.add(hh("exitYear", "脱贫年份", REGISTRATION, INTEGER).range(2013, thisYear).unit("年")
                .field("housing.exitYear").absent("未脱贫或未建档立卡").done());
        all.add(hh("returnedYear", "返贫年份", REGISTRATION, INTEGER).range(2013, thisYear).unit("年").absent("未返贫").done());
        all.add(hh("mainCause", "主要致贫原因", REGISTRATION, CHOICE).allowed(CAUSES).field("housing.mainCause").done());
        all.add(hh("otherCauses", "其他致贫原因", REGISTRATION, CHOICES).allowed(CAUSES).hint("最多两项，不含主要致贫原因")
                .absent("无其他致贫原因").done());
        all.add(hh("majorPovertyCause", "有重大致贫原因", REGISTRATION, BOOLEAN)
                .hint("村干部家庭确有重大致贫原因时填“是”，转人工复核").done());
        // income
        all.add(hh("stableIncomeSource", "有稳定收入来源", INCOME, BOOLEAN).done());
        all.add(hh("incomeStableMonths", "收入稳定月数", INCOME, INTEGER).range(0, 600).unit("月").done());
        all.add(hh("wageIncome", "工资性收入", INCOME, DECIMAL).range(0, MONEY_MAX.doubleValue()).unit("元").done());
        all.add(hh("businessIncome", "经营性收入", INCOME, DECIMAL).range(-MONEY_MAX.doubleValue(),
                MONEY_MAX.doubleValue()).unit("元").done());
        all.add(hh("transferIncome", "转移性收入", INCOME, DECIMAL).range(0, MONEY_MAX.doubleValue()).unit("元").done());
        all.add(hh("propertyIncome", "财产性收入", INCOME, DECIMAL).range(0, MONEY_MAX.doubleValue()).unit("元").done());
        all.add(hh("productionCost", "生产经营费用", INCOME, DECIMAL).range(0, MONEY_MAX.doubleValue()).unit("元")
                .done());
        all.add(hh("familyAssets", "家庭资产", INCOME, DECIMAL).range(0, MONEY_MAX.doubleValue()).unit("元")
                .hint("家庭动产与不动产价值之和").done());
        // 两不愁 and electricity
        all.add(hh("foodSecure", "不愁吃", LIVING, BOOLEAN).hint("口粮不愁，主食细粮有保障").done());
        all.add(hh("clothingSecure", "不愁穿", LIVING, BOOLEAN).hint("年有换季衣服、季有换洗衣服").done());
        all.add(hh("electricity", "生活用电", LIVING, BOOLEAN).hint("通生活用电").done());
        // housing
        all.add(hh("houseGrade", "房屋安全等级", HOUSING, CHOICE).allowed(List.of("A", "B", "C", "D", "无房"))
                .field("housing.houseGrade").done());
        all.add(hh("houseRenovated", "危房已改造", HOUSING, BOOLEAN).field("housing.houseRenovated").done());
        all.add(hh("relocated", "易地搬迁", HOUSING, BOOLEAN).field("housing.relocated").done());
        all.add(hh("selfRepairCapacity", "自身有能力修建住房", HOUSING, BOOLEAN).done());
        // water
        all.add(hh("waterLitresPerPersonDay", "人均日供水量", WATER, INTEGER).range(0, 1000).unit("升/人·日").done());
        all.add(hh("dryArea", "缺水地区", WATER, BOOLEAN).done());
        all.add(hh("waterPiped", "自来水入户", WATER, BOOLEAN).done());
        all.add(hh("fetchMinutes", "单次取水耗时", WATER, INTEGER).range(0, 600).unit("分钟").done());
        all.add(hh("fetchHorizontalMetres", "取水水平距离", WATER, INTEGER).range(0, 100_000).unit("米").done());
        all.add(hh("fetchVerticalMetres", "取水垂直距离", WATER, INTEGER).range(0, 5_000).unit("米").done());
        all.add(hh("waterOutageDays", "年累计停水天数", WATER, INTEGER).range(0, 366).unit("天").done());
        all.add(hh("waterQualityOk", "水质合格", WATER, BOOLEAN).field("housing.waterQualityOk").done());
        // medical
        all.add(hh("selfPaidMedical", "合规自付医疗费用", MEDICAL, DECIMAL).range(0, MONEY_MAX.doubleValue()).unit("元")
                .hint("近12个月经基本医保、大病保险、医疗救助报销后的自付部分").done());
        all.add(hh("familyDoctorSigned", "家庭医生签约", MEDICAL, BOOLEAN).field("housing.familyDoctorSigned").done());
        // 七不进
        all.add(hh("houseAcquiredYear", "购建房年份", EXCLUSION, INTEGER).range(1950, thisYear).unit("年").done());
        all.add(hh("houseAcquisitionExempt", "购建房属豁免情形", EXCLUSION, BOOLEAN)
                .hint("因灾重建、高山生态扶贫搬迁、统征拆迁安置；须同时填写购建房年份").done());
        all.add(hh("highStandardRenovation", "高标准装修", EXCLUSION, BOOLEAN).hint("2014年以来对住房高标准装修").done());
        all.add(hh("townPropertyOrShop", "城镇商品房或门面", EXCLUSION, BOOLEAN).done());
        all.add(hh("vehicleValue", "享受型车辆价值", EXCLUSION, DECIMAL).range(0, MONEY_MAX.doubleValue()).unit("元")
                .hint("没有填 0；残疾人代步车、生产用车不计").done());
        all.add(hh("shipOrLargeMachinery", "船舶或大型机械", EXCLUSION, BOOLEAN).done());
        all.add(hh("runsEnterprise", "经营企业", EXCLUSION, BOOLEAN).hint("经营或投资企业、长期雇工、正常经营纳税").done());
        all.add(hh("awayMonths", "全家外出月数", EXCLUSION, INTEGER).range(0, 600).unit("月").done());
        all.add(hh("incomeAboveLocalAverage", "收入明显高于当地平均", EXCLUSION, BOOLEAN).done());
        all.add(hh("splitOrMergedToQualify", "空挂户或为识别拆分合并", EXCLUSION, BOOLEAN).done());
        all.add(hh("unexplainedComplaint", "有不能说明的举报", EXCLUSION, BOOLEAN).done());
        // assistance: recorded in the registry
        all.add(hh("lowIncomeAllowance", "享受低保", ASSISTANCE, BOOLEAN).field("housing.lowIncomeAllowance").done());
        all.add(hh("policyEffectVisible", "政策效果明显", ASSISTANCE, BOOLEAN).hint("已享受的帮扶政策见到明显效果").done());
        // monitoring: the status a completed 纳入监测 procedure decides, the measures and the visits' findings
        all.add(hh("monitoringCategory", "监测类型", MONITORING, CHOICE).source(FactSource.MONITORING)
                .allowed(List.of("脱贫不稳定户", "边缘易致贫户", "突发严重困难户")).field("status.monitoringCategory")
                .hint("纳入监测程序完成（县级审定）后记录；风险消除后不再是监测对象").absent("不是监测对象").done());
        all.add(hh("monitoringSince", "纳入监测日期", MONITORING, DATE).source(FactSource.MONITORING)
                .field("status.monitoringSince").hint("纳入监测程序县级审定的日期").absent("不是监测对象").done());
        all.add(hh("measuresImplemented", "已落实帮扶措施数", MONITORING, INTEGER).source(FactSource.MONITORING)
                .field("status.measuresImplemented").range(0, 100).unit("项")
                .hint("走访时登记的帮扶措施，自上次风险消除以来逐项计数").done());
        all.add(hh("rigidSpendResolved", "大额刚性支出已解决", MONITORING, BOOLEAN).source(FactSource.MONITORING)
                .hint("走访时登记").done());
        all.add(hh("newRiskDetected", "有新风险", MONITORING, BOOLEAN).source(FactSource.MONITORING)
                .hint("走访时登记").done());
        // procedure dates: the steps of the latest identification procedure (识别程序)
        all.add(hh("appliedOn", "申请日期", PROCEDURE_DATES, DATE).source(FactSource.PROCEDURE).hint("识别程序：农户申请").done());
        all.add(hh("reviewedOn", "评议日期", PROCEDURE_DATES, DATE).source(FactSource.PROCEDURE)
                .hint("识别程序：村民代表大会评议").done());
        all.add(hh("noticeOn", "公示日期", PROCEDURE_DATES, DATE).source(FactSource.PROCEDURE).hint("识别程序：村级公示开始").done());
        all.add(hh("announcedOn", "公告日期", PROCEDURE_DATES, DATE).source(FactSource.PROCEDURE)
                .hint("识别程序：县级审定公告").done());
        // department signals
        all.add(hh("recentSignals", "近12个月部门信号", SIGNALS, TEXT).source(FactSource.SIGNAL).done());
        all.add(hh("ytdInpatientSelfPaid", "本年住院自付累计", SIGNALS, DECIMAL).unit("元").source(FactSource.SIGNAL).done());
        all.add(hh("maxMonthlyOutpatientSelfPaid", "单月门诊自付最高", SIGNALS, DECIMAL).unit("元").source(FactSource.SIGNAL).done());
        all.add(hh("highSchoolSelfPaid", "高中或中职学年自付", SIGNALS, DECIMAL).unit("元").source(FactSource.SIGNAL).done());
        all.add(hh("signalledOutageDays", "停水天数(信号)", SIGNALS, DECIMAL).unit("天").source(FactSource.SIGNAL).done());
        all.add(hh("disasterLoss", "灾害损失", SIGNALS, DECIMAL).unit("元").source(FactSource.SIGNAL).done());
        // derived
        all.add(derived("memberCount", "家庭人口", BASIC, INTEGER, "members"));
        all.add(derived("perCapitaNetIncome", "人均纯收入", INCOME, DECIMAL, "netIncome", "members"));
        all.add(derived("perCapitaIncomeAfterRigidExpenditure", "扣除刚性支出后人均收入", INCOME, DECIMAL, "netIncome",
                "rigidExpenditure", "members"));
        all.add(derived("incomeDropPercent", "收入降幅(%)", INCOME, DECIMAL, "netIncome", "previousYearNetIncome"));
        all.add(derived("incomeChangePercent", "收入同比变化(%)", DATA_QUALITY, DECIMAL, "netIncome",
                "previousYearNetIncome"));
        all.add(derived("incomeArithmeticMismatch", "收入构成与纯收入不符", DATA_QUALITY, BOOLEAN, "wageIncome",
                "businessIncome", "transferIncome", "propertyIncome", "productionCost", "netIncome"));
        all.add(derived("riskCount", "风险类型数", MONITORING, INTEGER, "riskTypes"));
        all.add(derived("registeredThisYear", "当年新识别或返贫", REGISTRATION, BOOLEAN, "registeredYear",
                "returnedYear"));
        all.add(derived("medicalCostBeyondAssets", "自付医疗费用超过家庭资产", MEDICAL, BOOLEAN, "selfPaidMedical",
                "familyAssets"));
        all.add(derived("housingSafe", "住房安全有保障", HOUSING, BOOLEAN, "houseGrade", "houseRenovated", "relocated"));
        all.add(derived("unsafeOrNoHouse", "无房或仅有危房", HOUSING, BOOLEAN, "housingSafe"));
        all.add(derived("houseGradeValid", "房屋等级有效", DATA_QUALITY, BOOLEAN, "houseGrade"));
        all.add(derived("unsafeHouseWithoutWorks", "危房未改造", DATA_QUALITY, BOOLEAN, "houseGrade", "houseRenovated",
                "relocated"));
        all.add(derived("uninsuredCount", "未参加基本医保人数", MEDICAL, INTEGER, "medicalInsured"));
        all.add(derived("seriousIllnessUninsuredCount", "未参加大病保险人数", MEDICAL, INTEGER, "seriousIllnessInsured"));
        all.add(derived("insuranceUnknownCount", "参保情况未填人数", DATA_QUALITY, INTEGER, "medicalInsured"));
        all.add(derived("seriousIllnessCount", "大病人数", MEDICAL, INTEGER, "health"));
        all.add(derived("chronicIllnessCount", "长期慢性病人数", MEDICAL, INTEGER, "health"));
        all.add(derived("memberSchooling", "成员年龄与就学情况", EDUCATION, TEXT, "schooling", "healthExempt",
                "birthDate"));
        all.add(derived("labourCount", "劳动力人数", INCOME, INTEGER, "labour"));
        all.add(derived("labourUnknownCount", "劳动能力未填人数", DATA_QUALITY, INTEGER, "labour"));
        all.add(derived("disabledCount", "残疾人数", MEDICAL, INTEGER, "health", "disabilityGrade"));
        all.add(derived("severeDisabilityCount", "重度残疾(1-2级)人数", MEDICAL, INTEGER, "disabilityGrade"));
        all.add(derived("publicEmployeeCount", "财政供养或公职人员数", EXCLUSION, INTEGER, "publicEmployee"));
        all.add(derived("villageCadreCount", "现任村干部人数", EXCLUSION, INTEGER, "villageCadre"));
        all.add(derived("monitored", "是否监测对象", MONITORING, BOOLEAN, "monitoringCategory"));
        all.add(derived("monthsSinceMonitoring", "纳入监测月数", MONITORING, INTEGER, "monitoringSince"));
        all.add(derivedEntry("segment", "人群类别", MONITORING, CHOICE, "householdClass", "monitoringCategory")
                .allowed(List.of("一般农户", "脱贫", "监测")).done());
        all.add(derived("helperAssigned", "已落实帮扶责任人", ASSISTANCE, BOOLEAN, "helperCadre"));
        all.add(derived("invalidIdNumberCount", "身份证号无效人数", DATA_QUALITY, INTEGER, "idNumber", "sex",
                "birthDate"));
        all.add(derived("missingIdNumberCount", "缺身份证号人数", DATA_QUALITY, INTEGER, "idNumber"));
        all.add(derived("duplicateIdNumberCount", "户内重复身份证号数", DATA_QUALITY, INTEGER, "idNumber"));
        all.add(derived("sharedIdNumberCount", "与其他户重复身份证号人数", DATA_QUALITY, INTEGER, "idNumber"));
        all.add(derived("invalidDisabilityCardCount", "残疾证号无效人数", DATA_QUALITY, INTEGER, "disabilityCardNo",
                "disabilityGrade", "idNumber"));
        all.add(derived("headCount", "户主人数", DATA_QUALITY, INTEGER, "relation"));
        all.add(derived("implausibleRelationCount", "关系与性别年龄不符人数", DATA_QUALITY, INTEGER, "relation", "sex",
                "birthDate"));
        all.add(derived("mainCauseValid", "主要致贫原因有效", DATA_QUALITY, BOOLEAN, "mainCause"));
        all.add(derived("otherCauseCount", "其他致贫原因数", DATA_QUALITY, INTEGER, "otherCauses"));
        all.add(derived("causeWithoutEvidence", "致贫原因与成员情况不符", DATA_QUALITY, BOOLEAN, "mainCause",
                "otherCauses", "schooling", "health", "disabilityGrade"));
        all.add(derived("procedureDatesOutOfOrder", "程序日期顺序错误", DATA_QUALITY, BOOLEAN, "appliedOn", "reviewedOn",
                "noticeOn", "announcedOn"));
        return new FactCatalogue(all);
    }

    private static Entry hh(String key, String label, FactGroup group, FactType type) {
        return new Entry(key, label, Level.HOUSEHOLD, group, type);
    }

    private static Entry member(String key, String label, FactType type) {
        return new Entry(key, label, Level.MEMBER, MEMBERS, type);
    }

    private static FactDefinition derived(String key, String label, FactGroup group, FactType type,
                                          String... from) {
        return derivedEntry(key, label, group, type, from).done();
    }

    private static Entry derivedEntry(String key, String label, FactGroup group, FactType type, String... from) {
        Entry e = new Entry(key, label, Level.HOUSEHOLD, group, type).source(FactSource.DERIVED);
        e.derivedFrom = List.of(from);
        return e;
    }

    /** Fluent construction of one definition. */
    private static final class Entry {
        private final String key;
        private final String label;
        private final Level level;
        private FactGroup group;
        private final FactType type;
        private List<String> allowed = List.of();
        private BigDecimal min;
        private BigDecimal max;
        private String unit = "";
        private FactSource source = FactSource.REGISTRY;
        private List<String> derivedFrom = List.of();
        private String field;
        private String hint = "";
        private String absentMeans = "";

        Entry(String key, String label, Level level, FactGroup group, FactType type) {
            this.key = key;
            this.label = label;
            this.level = level;
            this.group = group;
            this.type = type;
        }

        Entry group(FactGroup g) {
            group = g;
            return this;
        }

        Entry allowed(List<String> values) {
            allowed = values;
            return this;
        }

        Entry range(double from, double to) {
            min = BigDecimal.valueOf(from).stripTrailingZeros();
            max = BigDecimal.valueOf(to).stripTrailingZeros();
            return this;
        }

        Entry unit(String u) {
            unit = u;
            return this;
        }

        Entry source(FactSource s) {
            source = s;
            return this;
        }

        Entry field(String f) {
            field = f;
            return this;
        }

        /** A missing value is this answer, not unknown. */
        Entry absent(String meaning) {
            absentMeans = meaning;
            return this;
        }

        Entry hint(String h) {
            hint = h;
            return this;
        }

        FactDefinition done() {
            return new FactDefinition(key, label, level, group, type, allowed, min, max, unit, source, derivedFrom,
                    field, hint, absentMeans);
        }
    }
}
