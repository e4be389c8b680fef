package cn.shoudi.rules.facts;

import cn.shoudi.rules.params.MissingParameterException;
import cn.shoudi.rules.params.Parameter;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The facts that decision-table conditions read: one object per evaluation, derived once from a
 * {@link HouseholdInput} (household and member data, department signals) and the parameters that apply on the as-of
 * date. Getters annotated {@link Fact} are the tables' vocabulary; methods annotated {@link FactHelper} may be called
 * from condition snippets. A null value means "not recorded": comparisons with it do not fire.
 */
public final class HouseholdFacts {

    /** Chinese name of every fact a table may test, by property name. */
    public static final Map<String, String> INPUT_NAMES;
    /** Condition helpers, each mapped to the fact it reads. */
    public static final Map<String, String> HELPER_INPUTS;
    private static final Map<String, Method> GETTERS;

    static {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Method> getters = new HashMap<>();
        Map<String, String> helpers = new HashMap<>();
        for (Method m : HouseholdFacts.class.getMethods()) {
            Fact fact = m.getAnnotation(Fact.class);
            if (fact != null) {
                String n = m.getName();
                String property = Character.toLowerCase(n.charAt(n.startsWith("is") ? 2 : 3))
                        + n.substring(n.startsWith("is") ? 3 : 4);
                names.put(property, fact.value());
                getters.put(property, m);
            }
            FactHelper helper = m.getAnnotation(FactHelper.class);
            if (helper != null) {
                helpers.put(m.getName(), helper.value());
            }
        }
        INPUT_NAMES = Collections.unmodifiableMap(names);
        GETTERS = Map.copyOf(getters);
        HELPER_INPUTS = Map.copyOf(helpers);
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<String> LABOUR = Set.of("普通劳动力", "技能劳动力", "弱劳动力");
    private static final Set<String> CAUSES = Set.of("因病", "因残", "因学", "因灾", "缺土地", "缺水", "缺技术", "缺劳力",
            "缺资金", "交通条件落后", "自身发展动力不足", "其它", "其他");

    private final HouseholdInput input;
    private final HouseholdDetails d;
    private final LocalDate asOf;
    private final Map<String, Parameter> parameters;
    private final BigDecimal perCapitaNetIncome;
    private final BigDecimal perCapitaAfterRigid;
    private final BigDecimal incomeDropPercent;
    private final List<SignalInput> recentSignals;
    private int invalidIdNumbers = -1;

    /**
     * @param input      the household, never null
     * @param asOf       the evaluation's as-of date, never null
     * @param parameters the parameter rows that apply on {@code asOf}, by code
     */
    public HouseholdFacts(HouseholdInput input, LocalDate asOf, Map<String, Parameter> parameters) {
        this.input = input;
        this.d = input.details();
        this.asOf = asOf;
        this.parameters = Map.copyOf(parameters);
        BigDecimal persons = BigDecimal.valueOf(input.members().size());
        this.perCapitaNetIncome = input.netIncome().divide(persons, 2, RoundingMode.HALF_UP);
        this.perCapitaAfterRigid = input.netIncome().subtract(input.rigidExpenditure())
                .divide(persons, 2, RoundingMode.HALF_UP);
        BigDecimal previous = input.previousYearNetIncome();
        if (previous == null || previous.signum() <= 0) {
            this.incomeDropPercent = BigDecimal.ZERO;
        } else {
            BigDecimal drop = previous.subtract(input.netIncome()).multiply(HUNDRED)
                    .divide(previous, 2, RoundingMode.HALF_UP);
            this.incomeDropPercent = drop.signum() < 0 ? BigDecimal.ZERO : drop;
        }
        LocalDate windowStart = asOf.minusMonths(12);
        this.recentSignals = d.signals().stream()
                .filter(s -> s.date() != null && !s.date().isAfter(asOf) && s.date().isAfter(windowStart)).toList();
    }

    // ------------------------------------------------------------------ registry basics and income

    public String getHouseholdId() {
        return input.householdId();
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    @Fact("户类型")
    public String getHouseholdClass() {
        return input.householdClass().label();
    }

    @Fact("家庭人口")
    public int getMemberCount() {
        return input.members().size();
    }

    @Fact("家庭纯收入")
    public BigDecimal getNetIncome() {
        return input.netIncome();
    }

    @Fact("人均纯收入")
    public BigDecimal getPerCapitaNetIncome() {
        return perCapitaNetIncome;
    }

    @Fact("刚性支出")
    public BigDecimal getRigidExpenditure() {
        return input.rigidExpenditure();
    }

    @Fact("扣除刚性支出后人均收入")
    public BigDecimal getPerCapitaIncomeAfterRigidExpenditure() {
        return perCapitaAfterRigid;
    }

    @Fact("收入降幅(%)")
    public BigDecimal getIncomeDropPercent() {
        return incomeDropPercent;
    }

    @Fact("风险类型数")
    public int getRiskCount() {
        return input.riskTypes().size();
    }

    @Fact("风险类型")
    public String getRiskTypes() {
        return String.join("、", new TreeSet<>(input.riskTypes()));
    }

    @Fact("能否自身应对")
    public boolean isSelfCoping() {
        return input.selfCoping();
    }

    /**
     * 两不愁三保障 or drinking water is unmet: recorded as such by a cadre, or shown by the registry — an unsafe house
     * (C/D not renovated, no house), a member without basic medical insurance, or water that failed its quality test.
     */
    @Fact("三保障或饮水问题")
    public boolean isGuaranteeIssue() {
        return input.guaranteeIssue() || Boolean.FALSE.equals(getHousingSafe()) || getUninsuredCount() > 0
                || Boolean.FALSE.equals(d.waterQualityOk());
    }

    @Fact("当年新识别或返贫")
    public boolean isRegisteredThisYear() {
        int y = asOf.getYear();
        return Integer.valueOf(y).equals(d.registeredYear()) || Integer.valueOf(y).equals(d.returnedYear());
    }

    @Fact("有稳定收入来源")
    public Boolean getStableIncomeSource() {
        return d.stableIncomeSource();
    }

    @Fact("收入稳定月数")
    public Integer getIncomeStableMonths() {
        return d.incomeStableMonths();
    }

    @Fact("合规自付医疗费用")
    public BigDecimal getSelfPaidMedical() {
        return d.selfPaidMedical();
    }

    @Fact("家庭资产")
    public BigDecimal getFamilyAssets() {
        return d.familyAssets();
    }

    @Fact("自付医疗费用超过家庭资产")
    public Boolean getMedicalCostBeyondAssets() {
        if (d.selfPaidMedical() == null || d.familyAssets() == null) {
            return null;
        }
        return d.selfPaidMedical().compareTo(d.familyAssets()) > 0;
    }

    @Fact("享受低保")
    public Boolean getLowIncomeAllowance() {
        return d.lowIncomeAllowance();
    }

    /** Whether the household class is one of a list written in a table cell, e.g. {@code 脱贫户、一般农户}. */
    @FactHelper("householdClass")
    public boolean householdClassIn(String labels) {
        return list(labels).contains(getHouseholdClass());
    }

    /** Whether the household has the given risk type. */
    @FactHelper("riskTypes")
    public boolean hasRiskType(String riskType) {
        return input.riskTypes().contains(riskType.trim());
    }

    /** Whether the household has any of the risk types in a list written in a table cell. */
    @FactHelper("riskTypes")
    public boolean hasAnyRiskType(String riskTypes) {
        return list(riskTypes).stream().anyMatch(this::hasRiskType);
    }

    // ------------------------------------------------------------------ 两不愁三保障 and water

    @Fact("不愁吃")
    public Boolean getFoodSecure() {
        return d.foodSecure();
    }

    @Fact("不愁穿")
    public Boolean getClothingSecure() {
        return d.clothingSecure();
    }

    @Fact("生活用电")
    public Boolean getElectricity() {
        return d.electricity();
    }

    @Fact("房屋安全等级")
    public String getHouseGrade() {
        return d.houseGrade();
    }

    @Fact("住房安全有保障")
    public Boolean getHousingSafe() {
        if (Boolean.TRUE.equals(d.relocated())) {
            return true;
        }
        String g = d.houseGrade();
        if (g == null) {
            return null;
        }
        return g.equals("A") || g.equals("B") || ((g.equals("C") || g.equals("D"))
                && Boolean.TRUE.equals(d.houseRenovated()));
    }

    @Fact("无房或仅有危房")
    public Boolean getUnsafeOrNoHouse() {
        Boolean safe = getHousingSafe();
        return safe == null ? null : !safe;
    }

    @Fact("自身有能力修建住房")
    public Boolean getSelfRepairCapacity() {
        return d.selfRepairCapacity();
    }

    @Fact("人均日供水量(升)")
    public Integer getWaterLitresPerPersonDay() {
        return d.waterLitresPerPersonDay();
    }

    @Fact("缺水地区")
    public Boolean getDryArea() {
        return d.dryArea();
    }

    @Fact("自来水入户")
    public Boolean getWaterPiped() {
        return d.waterPiped();
    }

    @Fact("单次取水耗时(分钟)")
    public Integer getFetchMinutes() {
        return d.fetchMinutes();
    }

    @Fact("取水水平距离(米)")
    public Integer getFetchHorizontalMetres() {
        return d.fetchHorizontalMetres();
    }

    @Fact("取水垂直距离(米)")
    public Integer getFetchVerticalMetres() {
        return d.fetchVerticalMetres();
    }

    @Fact("年累计停水天数")
    public Integer getWaterOutageDays() {
        return d.waterOutageDays();
    }

    @Fact("水质合格")
    public Boolean getWaterQualityOk() {
        return d.waterQualityOk();
    }

    /**
     * Whether the water quantity is below the norm: {@code minNormal} litres per person and day, or {@code minDry}
     * in a water-scarce area. Null (unknown) when the quantity is not recorded.
     */
    @FactHelper("waterLitresPerPersonDay")
    public Boolean waterQuantityShort(BigDecimal minNormal, BigDecimal minDry) {
        Integer litres = d.waterLitresPerPersonDay();
        if (litres == null) {
            return null;
        }
        BigDecimal min = Boolean.TRUE.equals(d.dryArea()) ? minDry : minNormal;
        return BigDecimal.valueOf(litres).compareTo(min) < 0;
    }

    /**
     * Whether fetching water is inconvenient: not piped, and the trip exceeds every convenience norm (minutes,
     * horizontal and vertical distance). Null when nothing is recorded.
     */
    @FactHelper("fetchMinutes")
    public Boolean waterInconvenient(BigDecimal maxMinutes, BigDecimal maxHorizontal, BigDecimal maxVertical) {
        if (Boolean.TRUE.equals(d.waterPiped())) {
            return false;
        }
        if (d.fetchMinutes() == null && d.fetchHorizontalMetres() == null && d.fetchVerticalMetres() == null) {
            return d.waterPiped() == null ? null : true;
        }
        boolean withinMinutes = d.fetchMinutes() != null
                && BigDecimal.valueOf(d.fetchMinutes()).compareTo(maxMinutes) <= 0;
        boolean withinHorizontal = d.fetchHorizontalMetres() != null
                && BigDecimal.valueOf(d.fetchHorizontalMetres()).compareTo(maxHorizontal) <= 0;
        boolean withinVertical = d.fetchVerticalMetres() != null
                && BigDecimal.valueOf(d.fetchVerticalMetres()).compareTo(maxVertical) <= 0;
        return !(withinMinutes || withinHorizontal || withinVertical);
    }

    @Fact("未参加基本医保人数")
    public int getUninsuredCount() {
        return (int) input.members().stream().filter(m -> Boolean.FALSE.equals(m.medicalInsured())).count();
    }

    @Fact("未参加大病保险人数")
    public int getSeriousIllnessUninsuredCount() {
        return (int) input.members().stream().filter(m -> Boolean.FALSE.equals(m.seriousIllnessInsured())).count();
    }

    @Fact("参保情况未填人数")
    public int getInsuranceUnknownCount() {
        return (int) input.members().stream().filter(m -> m.medicalInsured() == null).count();
    }

    @Fact("家庭医生签约")
    public Boolean getFamilyDoctorSigned() {
        return d.familyDoctorSigned();
    }

    @Fact("大病人数")
    public int getSeriousIllnessCount() {
        return countHealth("大病");
    }

    @Fact("长期慢性病人数")
    public int getChronicIllnessCount() {
        return countHealth("长期慢性病");
    }

    @Fact("成员年龄与就学情况")
    public String getMemberSchooling() {
        return input.members().stream()
                .filter(m -> m.ageOn(asOf) <= 18)
                .map(m -> m.name() + "(" + m.ageOn(asOf) + "岁," + (m.schooling() == null ? "未填" : m.schooling())
                        + (Boolean.TRUE.equals(m.healthExempt()) ? ",身体原因免学" : "") + ")")
                .collect(Collectors.joining("、"));
    }

    /**
     * Members aged {@code fromAge} to {@code toAge} (inclusive, at the as-of date) who are out of school (辍学 or
     * 未入学), not counting those exempt for health reasons and those taught at home (送教上门).
     */
    @FactHelper("memberSchooling")
    public int outOfSchoolChildren(BigDecimal fromAge, BigDecimal toAge) {
        return (int) input.members().stream()
                .filter(m -> m.ageOn(asOf) >= fromAge.intValue() && m.ageOn(asOf) <= toAge.intValue())
                .filter(m -> "辍学".equals(m.schooling()) || "未入学".equals(m.schooling()))
                .filter(m -> !Boolean.TRUE.equals(m.healthExempt()))
                .count();
    }

    /** Members aged {@code fromAge} to {@code toAge} whose schooling is not recorded. */
    @FactHelper("memberSchooling")
    public int schoolingUnknownChildren(BigDecimal fromAge, BigDecimal toAge) {
        return (int) input.members().stream()
                .filter(m -> m.ageOn(asOf) >= fromAge.intValue() && m.ageOn(asOf) <= toAge.intValue())
                .filter(m -> m.schooling() == null).count();
    }

    // ------------------------------------------------------------------ labour, disability, exclusions

    @Fact("劳动力人数")
    public int getLabourCount() {
        return (int) input.members().stream().filter(m -> m.labour() != null && LABOUR.contains(m.labour())).count();
    }

    @Fact("劳动能力未填人数")
    public int getLabourUnknownCount() {
        return (int) input.members().stream().filter(m -> m.labour() == null).count();
    }

    @Fact("残疾人数")
    public int getDisabledCount() {
        return (int) input.members().stream()
                .filter(m -> "残疾".equals(m.health()) || m.disabilityGrade() != null).count();
    }

    @Fact("重度残疾(1-2级)人数")
    public int getSevereDisabilityCount() {
        return (int) input.members().stream()
                .filter(m -> m.disabilityGrade() != null && m.disabilityGrade() <= 2).count();
    }

    @Fact("财政供养或公职人员数")
    public int getPublicEmployeeCount() {
        return (int) input.members().stream().filter(m -> Boolean.TRUE.equals(m.publicEmployee())).count();
    }

    @Fact("现任村干部人数")
    public int getVillageCadreCount() {
        return (int) input.members().stream().filter(m -> Boolean.TRUE.equals(m.villageCadre())).count();
    }

    @Fact("有重大致贫原因")
    public Boolean getMajorPovertyCause() {
        return d.majorPovertyCause();
    }

    @Fact("购建房年份")
    public Integer getHouseAcquiredYear() {
        return d.houseAcquiredYear();
    }

    @Fact("购建房属豁免情形")
    public Boolean getHouseAcquisitionExempt() {
        return d.houseAcquisitionExempt();
    }

    @Fact("高标准装修")
    public Boolean getHighStandardRenovation() {
        return d.highStandardRenovation();
    }

    @Fact("城镇商品房或门面")
    public Boolean getTownPropertyOrShop() {
        return d.townPropertyOrShop();
    }

    @Fact("享受型车辆价值")
    public BigDecimal getVehicleValue() {
        return d.vehicleValue();
    }

    @Fact("船舶或大型机械")
    public Boolean getShipOrLargeMachinery() {
        return d.shipOrLargeMachinery();
    }

    @Fact("经营企业")
    public Boolean getRunsEnterprise() {
        return d.runsEnterprise();
    }

    @Fact("全家外出月数")
    public Integer getAwayMonths() {
        return d.awayMonths();
    }

    @Fact("收入明显高于当地平均")
    public Boolean getIncomeAboveLocalAverage() {
        return d.incomeAboveLocalAverage();
    }

    @Fact("空挂户或为识别拆分合并")
    public Boolean getSplitOrMergedToQualify() {
        return d.splitOrMergedToQualify();
    }

    @Fact("有不能说明的举报")
    public Boolean getUnexplainedComplaint() {
        return d.unexplainedComplaint();
    }

    // ------------------------------------------------------------------ monitoring and risk cleared

    @Fact("监测类型")
    public String getMonitoringCategory() {
        return d.monitoringCategory();
    }

    @Fact("是否监测对象")
    public boolean isMonitored() {
        return d.monitoringCategory() != null && !d.monitoringCategory().isBlank();
    }

    @Fact("纳入监测月数")
    public Integer getMonthsSinceMonitoring() {
        return d.monitoringSince() == null ? null
                : (int) ChronoUnit.MONTHS.between(d.monitoringSince(), asOf);
    }

    @Fact("已落实帮扶措施数")
    public Integer getMeasuresImplemented() {
        return d.measuresImplemented();
    }

    @Fact("大额刚性支出已解决")
    public Boolean getRigidSpendResolved() {
        return d.rigidSpendResolved();
    }

    @Fact("有新风险")
    public Boolean getNewRiskDetected() {
        return d.newRiskDetected();
    }

    @Fact("政策效果明显")
    public Boolean getPolicyEffectVisible() {
        return d.policyEffectVisible();
    }

    @Fact("已落实帮扶责任人")
    public Boolean getHelperAssigned() {
        return d.helperAssigned();
    }

    /** 脱贫 (registered poor, exited or not), 监测 (a monitoring object) or 一般农户. */
    @Fact("人群类别")
    public String getSegment() {
        if (isMonitored()) {
            return "监测";
        }
        return input.householdClass() == HouseholdClass.GENERAL ? "一般农户" : "脱贫";
    }

    /** Whether the population segment is one of a list written in a table cell, e.g. {@code 脱贫、监测}. */
    @FactHelper("segment")
    public boolean segmentIn(String segments) {
        return list(segments).contains(getSegment());
    }

    // ------------------------------------------------------------------ department signals (last 12 months)

    /** The signals of the last 12 months, each citing the source's event id, e.g. 医保:住院自付(YB-2021-0042). */
    @Fact("近12个月部门信号")
    public String getRecentSignals() {
        return recentSignals.stream().map(s -> s.key() + (s.eventId() == null ? "" : "(" + s.eventId() + ")"))
                .distinct().sorted().collect(Collectors.joining("、"));
    }

    /** Whether a signal "部门:类型" (e.g. 人社:失业) was received in the 12 months before the as-of date. */
    @FactHelper("recentSignals")
    public boolean hasSignal(String key) {
        return list(key).stream().anyMatch(k -> recentSignals.stream().anyMatch(s -> s.key().equals(k)));
    }

    @Fact("本年住院自付累计")
    public BigDecimal getYtdInpatientSelfPaid() {
        return sum(d.signals().stream().filter(s -> s.key().equals("医保:住院自付"))
                .filter(s -> s.date().getYear() == asOf.getYear() && !s.date().isAfter(asOf)).toList());
    }

    @Fact("单月门诊自付最高")
    public BigDecimal getMaxMonthlyOutpatientSelfPaid() {
        return recentSignals.stream().filter(s -> s.key().equals("医保:门诊自付"))
                .collect(Collectors.groupingBy(s -> s.date().withDayOfMonth(1)))
                .values().stream().map(HouseholdFacts::sum).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    @Fact("高中或中职学年自付")
    public BigDecimal getHighSchoolSelfPaid() {
        return sum(recentSignals.stream().filter(s -> s.key().equals("教育:高中自付")).toList());
    }

    @Fact("停水天数(信号)")
    public BigDecimal getSignalledOutageDays() {
        return recentSignals.stream().filter(s -> s.key().equals("水利:停水")).map(SignalInput::amount)
                .filter(a -> a != null).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    @Fact("灾害损失")
    public BigDecimal getDisasterLoss() {
        return sum(recentSignals.stream().filter(s -> s.key().equals("应急:受灾")).toList());
    }

    // ------------------------------------------------------------------ data quality (三统一)

    @Fact("身份证号无效人数")
    public int getInvalidIdNumberCount() {
        if (invalidIdNumbers < 0) { // several tables test it: check the numbers once per evaluation
            invalidIdNumbers = (int) input.members().stream().filter(m -> m.idNumber() != null)
                    .filter(m -> IdNumbers.problem(m.idNumber(), m.sex(), m.birthDate(), asOf).isPresent()).count();
        }
        return invalidIdNumbers;
    }

    @Fact("缺身份证号人数")
    public int getMissingIdNumberCount() {
        return (int) input.members().stream().filter(m -> m.idNumber() == null || m.idNumber().isBlank()).count();
    }

    @Fact("户内重复身份证号数")
    public int getDuplicateIdNumberCount() {
        Set<String> seen = new HashSet<>();
        return (int) input.members().stream().filter(m -> m.idNumber() != null)
                .filter(m -> !seen.add(m.idNumber().trim().toUpperCase())).count();
    }

    @Fact("残疾证号无效人数")
    public int getInvalidDisabilityCardCount() {
        return (int) input.members().stream().filter(m -> m.disabilityCardNo() != null)
                .filter(m -> !IdNumbers.validDisabilityCard(m.disabilityCardNo(), m.idNumber())
                        || (m.disabilityGrade() != null
                        && m.disabilityCardNo().trim().charAt(19) - '0' != m.disabilityGrade()))
                .count();
    }

    @Fact("户主人数")
    public int getHeadCount() {
        return (int) input.members().stream().filter(m -> "户主".equals(m.relation())).count();
    }

    @Fact("关系与性别年龄不符人数")
    public int getImplausibleRelationCount() {
        MemberInput head = input.members().stream().filter(m -> "户主".equals(m.relation())).findFirst()
                .orElse(null);
        int n = 0;
        for (MemberInput m : input.members()) {
            String r = m.relation() == null ? "" : m.relation();
            boolean female = "女".equals(m.sex());
            if ((r.equals("母亲") || r.equals("之女") || r.equals("儿媳") || r.equals("祖母")) && !female
                    || (r.equals("父亲") || r.equals("之子") || r.equals("女婿") || r.equals("祖父")) && female) {
                n++;
            } else if (head != null && (r.equals("父亲") || r.equals("母亲") || r.equals("祖父") || r.equals("祖母"))
                    && !m.birthDate().isBefore(head.birthDate())) {
                n++;
            } else if (head != null && (r.equals("之子") || r.equals("之女") || r.startsWith("孙"))
                    && !m.birthDate().isAfter(head.birthDate())) {
                n++;
            } else if (head != null && r.equals("配偶") && m.sex() != null && m.sex().equals(head.sex())) {
                n++;
            }
        }
        return n;
    }

    @Fact("主要致贫原因")
    public String getMainCause() {
        return d.mainCause();
    }

    @Fact("主要致贫原因有效")
    public boolean isMainCauseValid() {
        return d.mainCause() != null && CAUSES.contains(d.mainCause());
    }

    @Fact("其他致贫原因数")
    public int getOtherCauseCount() {
        return d.otherCauses().size();
    }

    @Fact("致贫原因与成员情况不符")
    public boolean isCauseWithoutEvidence() {
        Set<String> causes = new HashSet<>(d.otherCauses());
        if (d.mainCause() != null) {
            causes.add(d.mainCause());
        }
        boolean student = input.members().stream().anyMatch(m -> "在校".equals(m.schooling()));
        return causes.contains("因学") && !student || causes.contains("因残") && getDisabledCount() == 0;
    }

    /** Whether the income components (when all recorded) do not add up to the net income, by more than 1 元. */
    @Fact("收入构成与纯收入不符")
    public Boolean getIncomeArithmeticMismatch() {
        if (d.wageIncome() == null || d.businessIncome() == null || d.transferIncome() == null
                || d.propertyIncome() == null || d.productionCost() == null) {
            return null;
        }
        BigDecimal computed = d.wageIncome().add(d.businessIncome()).add(d.transferIncome()).add(d.propertyIncome())
                .subtract(d.productionCost());
        return computed.subtract(input.netIncome()).abs().compareTo(BigDecimal.ONE) > 0;
    }

    @Fact("收入同比变化(%)")
    public BigDecimal getIncomeChangePercent() {
        BigDecimal previous = input.previousYearNetIncome();
        if (previous == null || previous.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return input.netIncome().subtract(previous).abs().multiply(HUNDRED).divide(previous, 2, RoundingMode.HALF_UP);
    }

    @Fact("房屋等级有效")
    public boolean isHouseGradeValid() {
        return d.houseGrade() != null && Set.of("A", "B", "C", "D", "无房").contains(d.houseGrade());
    }

    @Fact("危房未改造")
    public boolean isUnsafeHouseWithoutWorks() {
        return ("C".equals(d.houseGrade()) || "D".equals(d.houseGrade()))
                && !Boolean.TRUE.equals(d.houseRenovated()) && !Boolean.TRUE.equals(d.relocated());
    }

    @Fact("程序日期顺序错误")
    public boolean isProcedureDatesOutOfOrder() {
        List<LocalDate> steps = Arrays.asList(d.appliedOn(), d.reviewedOn(), d.noticeOn(), d.announcedOn());
        LocalDate last = null;
        for (LocalDate step : steps) {
            if (step == null) {
                continue;
            }
            if (last != null && step.isBefore(last)) {
                return true;
            }
            last = step;
        }
        return false;
    }

    // ------------------------------------------------------------------ parameters and explanation support

    /**
     * The value of a parameter on the as-of date. A cell may also hold a plain number instead of a parameter code.
     *
     * @throws MissingParameterException when the parameter has no value on the as-of date
     */
    public BigDecimal param(String codeOrNumber) {
        Parameter p = parameters.get(codeOrNumber);
        if (p != null) {
            return p.value();
        }
        BigDecimal number = NUMBERS.get(codeOrNumber);
        if (number != null) {
            return number;
        }
        try {
            number = new BigDecimal(codeOrNumber.trim());
        } catch (NumberFormatException e) {
            throw new MissingParameterException(codeOrNumber, asOf);
        }
        if (NUMBERS.size() > 10_000) {
            NUMBERS.clear();
        }
        NUMBERS.put(codeOrNumber, number);
        return number;
    }

    /** Numbers written in table cells, parsed once: a cell's constraint is tested for every household. */
    private static final Map<String, BigDecimal> NUMBERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The value of one fact by its property name, for explanations. */
    public Object input(String property) {
        Method getter = GETTERS.get(property);
        if (getter == null) {
            throw new IllegalArgumentException("unknown fact " + property);
        }
        try {
            return getter.invoke(this);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read fact " + property, e);
        }
    }

    /**
     * The department signals a fact's value comes from, as "部门:类型 事件编号", so that a finding cites the signals that
     * caused it; empty for facts read from the registry.
     */
    public List<String> evidence(String property) {
        java.util.function.Predicate<SignalInput> used = switch (property) {
            case "ytdInpatientSelfPaid" -> s -> s.key().equals("医保:住院自付") && s.date().getYear() == asOf.getYear()
                    && !s.date().isAfter(asOf);
            case "maxMonthlyOutpatientSelfPaid" -> s -> recentSignals.contains(s) && s.key().equals("医保:门诊自付");
            case "highSchoolSelfPaid" -> s -> recentSignals.contains(s) && s.key().equals("教育:高中自付");
            case "signalledOutageDays" -> s -> recentSignals.contains(s) && s.key().equals("水利:停水");
            case "disasterLoss" -> s -> recentSignals.contains(s) && s.key().equals("应急:受灾");
            case "recentSignals" -> recentSignals::contains;
            default -> s -> false;
        };
        return d.signals().stream().filter(used)
                .map(s -> s.key() + (s.eventId() == null ? "" : " " + s.eventId())).distinct().toList();
    }

    /** All facts by property name, for logs and debugging. */
    public Map<String, Object> describe() {
        Map<String, Object> all = new LinkedHashMap<>();
        INPUT_NAMES.keySet().stream().sorted().forEach(k -> all.put(k, input(k)));
        return all;
    }

    private int countHealth(String health) {
        return (int) input.members().stream().filter(m -> health.equals(m.health())).count();
    }

    private static BigDecimal sum(List<SignalInput> signals) {
        return signals.stream().map(SignalInput::amount).filter(a -> a != null).reduce(BigDecimal.ZERO,
                BigDecimal::add);
    }

    private static final java.util.regex.Pattern LIST_SEPARATOR = java.util.regex.Pattern.compile("[、,，;；\\s]+");
    /** Cell texts of the published tables, parsed once: rules call the list helpers for every household. */
    private static final Map<String, List<String>> LISTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<String> list(String cell) {
        List<String> parsed = LISTS.get(cell);
        if (parsed != null) {
            return parsed;
        }
        if (LISTS.size() > 10_000) {
            LISTS.clear(); // cells of many replaced policies: start afresh rather than grow without bound
        }
        parsed = Arrays.stream(LIST_SEPARATOR.split(cell)).map(String::trim).filter(s -> !s.isEmpty()).toList();
        LISTS.put(cell, parsed);
        return parsed;
    }
}
