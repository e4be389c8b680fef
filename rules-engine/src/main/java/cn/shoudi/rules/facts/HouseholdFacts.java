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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The facts that decision-table conditions read: one object per evaluation, derived once from a
 * {@link HouseholdInput} (household and member data, department signals) and the parameters that apply on the as-of
 * date. Getters annotated {@link Fact} are the tables' vocabulary; methods annotated {@link FactHelper} may be called
 * from condition snippets. A null value means "not recorded": comparisons with it do not fire.
 */
public final class HouseholdFacts {

    /** Chinese label of every fact a table may test, by property name, from the {@link FactCatalogue}. */
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
                names.put(property, FactCatalogue.STANDARD.get(property).map(FactDefinition::labelWithUnit)
                        .orElseThrow(() -> new IllegalStateException("fact " + property
                                + " has no entry in the fact catalogue")));
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
    /** The details' values for lookups: tables read them for every household, a hash lookup beats the sorted map. */
    private final Map<String, Object> values;
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
        this.values = new HashMap<>(d.values());
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
        this.recentSignals = d.signals().isEmpty() ? List.of() : d.signals().stream()
                .filter(s -> s.date() != null && !s.date().isAfter(asOf) && s.date().isAfter(windowStart)).toList();
    }

    // ------------------------------------------------------------------ registry basics and income

    public String getHouseholdId() {
        return input.householdId();
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    /**
     * The as-of date as a day number ({@link LocalDate#toEpochDay()}): the compiled form of every table tests it first,
     * so that a table not in force on the date tests nothing else (see {@code CompiledForm}). Not a fact of the
     * catalogue.
     */
    public long getAsOfEpochDay() {
        return asOf.toEpochDay();
    }

    @Fact
    public String getHouseholdClass() {
        return input.householdClass().label();
    }

    @Fact
    public int getMemberCount() {
        return input.members().size();
    }

    @Fact
    public BigDecimal getNetIncome() {
        return input.netIncome();
    }

    @Fact
    public BigDecimal getPerCapitaNetIncome() {
        return perCapitaNetIncome;
    }

    @Fact
    public BigDecimal getRigidExpenditure() {
        return input.rigidExpenditure();
    }

    @Fact
    public BigDecimal getPerCapitaIncomeAfterRigidExpenditure() {
        return perCapitaAfterRigid;
    }

    @Fact
    public BigDecimal getIncomeDropPercent() {
        return incomeDropPercent;
    }

    @Fact
    public int getRiskCount() {
        return input.riskTypes().size();
    }

    @Fact
    public String getRiskTypes() {
        return String.join("、", new TreeSet<>(input.riskTypes()));
    }

    @Fact
    public boolean isSelfCoping() {
        return input.selfCoping();
    }

    /**
     * 两不愁三保障 or drinking water is unmet: recorded as such by a cadre, or shown by the registry — an unsafe house
     * (C/D not renovated, no house), a member without basic medical insurance, or water that failed its quality test.
     */
    @Fact
    public boolean isGuaranteeIssue() {
        return input.guaranteeIssue() || Boolean.FALSE.equals(getHousingSafe()) || getUninsuredCount() > 0
                || Boolean.FALSE.equals(bool("waterQualityOk"));
    }

    @Fact
    public boolean isRegisteredThisYear() {
        int y = asOf.getYear();
        return Integer.valueOf(y).equals(integer("registeredYear")) || Integer.valueOf(y).equals(integer("returnedYear"));
    }

    @Fact
    public Boolean getStableIncomeSource() {
        return bool("stableIncomeSource");
    }

    @Fact
    public Integer getIncomeStableMonths() {
        return integer("incomeStableMonths");
    }

    @Fact
    public BigDecimal getSelfPaidMedical() {
        return decimal("selfPaidMedical");
    }

    @Fact
    public BigDecimal getFamilyAssets() {
        return decimal("familyAssets");
    }

    @Fact
    public Boolean getMedicalCostBeyondAssets() {
        if (decimal("selfPaidMedical") == null || decimal("familyAssets") == null) {
            return null;
        }
        return decimal("selfPaidMedical").compareTo(decimal("familyAssets")) > 0;
    }

    @Fact
    public Boolean getLowIncomeAllowance() {
        return bool("lowIncomeAllowance");
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

    @Fact
    public Boolean getFoodSecure() {
        return bool("foodSecure");
    }

    @Fact
    public Boolean getClothingSecure() {
        return bool("clothingSecure");
    }

    @Fact
    public Boolean getElectricity() {
        return bool("electricity");
    }

    @Fact
    public String getHouseGrade() {
        return text("houseGrade");
    }

    @Fact
    public Boolean getHousingSafe() {
        if (Boolean.TRUE.equals(bool("relocated"))) {
            return true;
        }
        String g = text("houseGrade");
        if (g == null) {
            return null;
        }
        return g.equals("A") || g.equals("B") || ((g.equals("C") || g.equals("D"))
                && Boolean.TRUE.equals(bool("houseRenovated")));
    }

    @Fact
    public Boolean getUnsafeOrNoHouse() {
        Boolean safe = getHousingSafe();
        return safe == null ? null : !safe;
    }

    @Fact
    public Boolean getSelfRepairCapacity() {
        return bool("selfRepairCapacity");
    }

    @Fact
    public Integer getWaterLitresPerPersonDay() {
        return integer("waterLitresPerPersonDay");
    }

    @Fact
    public Boolean getDryArea() {
        return bool("dryArea");
    }

    @Fact
    public Boolean getWaterPiped() {
        return bool("waterPiped");
    }

    @Fact
    public Integer getFetchMinutes() {
        return integer("fetchMinutes");
    }

    @Fact
    public Integer getFetchHorizontalMetres() {
        return integer("fetchHorizontalMetres");
    }

    @Fact
    public Integer getFetchVerticalMetres() {
        return integer("fetchVerticalMetres");
    }

    @Fact
    public Integer getWaterOutageDays() {
        return integer("waterOutageDays");
    }

    @Fact
    public Boolean getWaterQualityOk() {
        return bool("waterQualityOk");
    }

    /**
     * Whether the water quantity is below the norm: {@code minNormal} litres per person and day, or {@code minDry}
     * in a water-scarce area. Null (unknown) when the quantity is not recorded.
     */
    @FactHelper("waterLitresPerPersonDay")
    public Boolean waterQuantityShort(BigDecimal minNormal, BigDecimal minDry) {
        Integer litres = integer("waterLitresPerPersonDay");
        if (litres == null) {
            return null;
        }
        BigDecimal min = Boolean.TRUE.equals(bool("dryArea")) ? minDry : minNormal;
        return BigDecimal.valueOf(litres).compareTo(min) < 0;
    }

    /**
     * Whether fetching water is inconvenient: not piped, and the trip exceeds every convenience norm (minutes,
     * horizontal and vertical distance). Null when nothing is recorded.
     */
    @FactHelper("fetchMinutes")
    public Boolean waterInconvenient(BigDecimal maxMinutes, BigDecimal maxHorizontal, BigDecimal maxVertical) {
        if (Boolean.TRUE.equals(bool("waterPiped"))) {
            return false;
        }
        if (integer("fetchMinutes") == null && integer("fetchHorizontalMetres") == null && integer("fetchVerticalMetres") == null) {
            return bool("waterPiped") == null ? null : true;
        }
        boolean withinMinutes = integer("fetchMinutes") != null
                && BigDecimal.valueOf(integer("fetchMinutes")).compareTo(maxMinutes) <= 0;
        boolean withinHorizontal = integer("fetchHorizontalMetres") != null
                && BigDecimal.valueOf(integer("fetchHorizontalMetres")).compareTo(maxHorizontal) <= 0;
        boolean withinVertical = integer("fetchVerticalMetres") != null
                && BigDecimal.valueOf(integer("fetchVerticalMetres")).compareTo(maxVertical) <= 0;
        return !(withinMinutes || withinHorizontal || withinVertical);
    }

    @Fact
    public int getUninsuredCount() {
        return members(m -> Boolean.FALSE.equals(m.medicalInsured()));
    }

    @Fact
    public int getSeriousIllnessUninsuredCount() {
        return members(m -> Boolean.FALSE.equals(m.seriousIllnessInsured()));
    }

    @Fact
    public int getInsuranceUnknownCount() {
        return members(m -> m.medicalInsured() == null);
    }

    @Fact
    public Boolean getFamilyDoctorSigned() {
        return bool("familyDoctorSigned");
    }

    @Fact
    public int getSeriousIllnessCount() {
        return countHealth("大病");
    }

    @Fact
    public int getChronicIllnessCount() {
        return countHealth("长期慢性病");
    }

    @Fact
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
        int from = fromAge.intValue();
        int to = toAge.intValue();
        return members(m -> ("辍学".equals(m.schooling()) || "未入学".equals(m.schooling()))
                && !Boolean.TRUE.equals(m.healthExempt()) && m.ageOn(asOf) >= from && m.ageOn(asOf) <= to);
    }

    /** Members aged {@code fromAge} to {@code toAge} whose schooling is not recorded. */
    @FactHelper("memberSchooling")
    public int schoolingUnknownChildren(BigDecimal fromAge, BigDecimal toAge) {
        int from = fromAge.intValue();
        int to = toAge.intValue();
        return members(m -> m.schooling() == null && m.ageOn(asOf) >= from && m.ageOn(asOf) <= to);
    }

    // ------------------------------------------------------------------ labour, disability, exclusions

    @Fact
    public int getLabourCount() {
        return members(m -> m.labour() != null && LABOUR.contains(m.labour()));
    }

    @Fact
    public int getLabourUnknownCount() {
        return members(m -> m.labour() == null);
    }

    @Fact
    public int getDisabledCount() {
        return members(m -> "残疾".equals(m.health()) || m.disabilityGrade() != null);
    }

    @Fact
    public int getSevereDisabilityCount() {
        return members(m -> m.disabilityGrade() != null && m.disabilityGrade() <= 2);
    }

    @Fact
    public int getPublicEmployeeCount() {
        return members(m -> Boolean.TRUE.equals(m.publicEmployee()));
    }

    @Fact
    public int getVillageCadreCount() {
        return members(m -> Boolean.TRUE.equals(m.villageCadre()));
    }

    @Fact
    public Boolean getMajorPovertyCause() {
        return bool("majorPovertyCause");
    }

    @Fact
    public Integer getHouseAcquiredYear() {
        return integer("houseAcquiredYear");
    }

    @Fact
    public Boolean getHouseAcquisitionExempt() {
        return bool("houseAcquisitionExempt");
    }

    @Fact
    public Boolean getHighStandardRenovation() {
        return bool("highStandardRenovation");
    }

    @Fact
    public Boolean getTownPropertyOrShop() {
        return bool("townPropertyOrShop");
    }

    @Fact
    public BigDecimal getVehicleValue() {
        return decimal("vehicleValue");
    }

    @Fact
    public Boolean getShipOrLargeMachinery() {
        return bool("shipOrLargeMachinery");
    }

    @Fact
    public Boolean getRunsEnterprise() {
        return bool("runsEnterprise");
    }

    @Fact
    public Integer getAwayMonths() {
        return integer("awayMonths");
    }

    @Fact
    public Boolean getIncomeAboveLocalAverage() {
        return bool("incomeAboveLocalAverage");
    }

    @Fact
    public Boolean getSplitOrMergedToQualify() {
        return bool("splitOrMergedToQualify");
    }

    @Fact
    public Boolean getUnexplainedComplaint() {
        return bool("unexplainedComplaint");
    }

    // ------------------------------------------------------------------ monitoring and risk cleared

    @Fact
    public String getMonitoringCategory() {
        return text("monitoringCategory");
    }

    @Fact
    public boolean isMonitored() {
        return text("monitoringCategory") != null && !text("monitoringCategory").isBlank();
    }

    @Fact
    public Integer getMonthsSinceMonitoring() {
        return date("monitoringSince") == null ? null
                : (int) ChronoUnit.MONTHS.between(date("monitoringSince"), asOf);
    }

    @Fact
    public Integer getMeasuresImplemented() {
        return integer("measuresImplemented");
    }

    @Fact
    public Boolean getRigidSpendResolved() {
        return bool("rigidSpendResolved");
    }

    @Fact
    public Boolean getNewRiskDetected() {
        return bool("newRiskDetected");
    }

    @Fact
    public Boolean getPolicyEffectVisible() {
        return bool("policyEffectVisible");
    }

    @Fact
    public Boolean getHelperAssigned() {
        return bool("helperAssigned");
    }

    /** 脱贫 (registered poor, exited or not), 监测 (a monitoring object) or 一般农户. */
    @Fact
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
    @Fact
    public String getRecentSignals() {
        return recentSignals.stream().map(s -> s.key() + (s.eventId() == null ? "" : "(" + s.eventId() + ")"))
                .distinct().sorted().collect(Collectors.joining("、"));
    }

    /** Whether a signal "部门:类型" (e.g. 人社:失业) was received in the 12 months before the as-of date. */
    @FactHelper("recentSignals")
    public boolean hasSignal(String key) {
        if (recentSignals.isEmpty()) {
            return false;
        }
        return list(key).stream().anyMatch(k -> recentSignals.stream().anyMatch(s -> s.key().equals(k)));
    }

    @Fact
    public BigDecimal getYtdInpatientSelfPaid() {
        return sum(d.signals().stream().filter(s -> s.key().equals("医保:住院自付"))
                .filter(s -> s.date().getYear() == asOf.getYear() && !s.date().isAfter(asOf)).toList());
    }

    @Fact
    public BigDecimal getMaxMonthlyOutpatientSelfPaid() {
        return recentSignals.stream().filter(s -> s.key().equals("医保:门诊自付"))
                .collect(Collectors.groupingBy(s -> s.date().withDayOfMonth(1)))
                .values().stream().map(HouseholdFacts::sum).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    @Fact
    public BigDecimal getHighSchoolSelfPaid() {
        return sum(recentSignals.stream().filter(s -> s.key().equals("教育:高中自付")).toList());
    }

    @Fact
    public BigDecimal getSignalledOutageDays() {
        return recentSignals.stream().filter(s -> s.key().equals("水利:停水")).map(SignalInput::amount)
                .filter(a -> a != null).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    @Fact
    public BigDecimal getDisasterLoss() {
        return sum(recentSignals.stream().filter(s -> s.key().equals("应急:受灾")).toList());
    }

    // ------------------------------------------------------------------ data quality (三统一)

    @Fact
    public int getInvalidIdNumberCount() {
        if (invalidIdNumbers < 0) { // several tables test it: check the numbers once per evaluation
            invalidIdNumbers = members(m -> m.idNumber() != null
                    && IdNumbers.problem(m.idNumber(), m.sex(), m.birthDate(), asOf).isPresent());
        }
        return invalidIdNumbers;
    }

    @Fact
    public int getMissingIdNumberCount() {
        return members(m -> m.idNumber() == null || m.idNumber().isBlank());
    }

    @Fact
    public int getDuplicateIdNumberCount() {
        Set<String> seen = new HashSet<>();
        return members(m -> m.idNumber() != null
                && !seen.add(m.idNumber().trim().toUpperCase()));
    }

    /**
     * How many members' ID numbers are also members of another active household (one person, one household; DQ-ID3).
     * The registry compares households and supplies it; 0 when not supplied.
     */
    @Fact
    public int getSharedIdNumberCount() {
        Integer n = integer("sharedIdNumberCount");
        return n == null ? 0 : n;
    }

    @Fact
    public int getInvalidDisabilityCardCount() {
        return (int) input.members().stream().filter(m -> m.disabilityCardNo() != null)
                .filter(m -> !IdNumbers.validDisabilityCard(m.disabilityCardNo(), m.idNumber())
                        || (m.disabilityGrade() != null
                        && m.disabilityCardNo().trim().charAt(19) - '0' != m.disabilityGrade()))
                .count();
    }

    @Fact
    public int getHeadCount() {
        return members(m -> "户主".equals(m.relation()));
    }

    @Fact
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

    @Fact
    public String getMainCause() {
        return text("mainCause");
    }

    @Fact
    public boolean isMainCauseValid() {
        return text("mainCause") != null && CAUSES.contains(text("mainCause"));
    }

    @Fact
    public int getOtherCauseCount() {
        return strings("otherCauses").size();
    }

    @Fact
    public boolean isCauseWithoutEvidence() {
        Set<String> causes = new HashSet<>(strings("otherCauses"));
        if (text("mainCause") != null) {
            causes.add(text("mainCause"));
        }
        boolean student = members(m -> "在校".equals(m.schooling())) > 0;
        return causes.contains("因学") && !student || causes.contains("因残") && getDisabledCount() == 0;
    }

    /** Whether the income components (when all recorded) do not add up to the net income, by more than 1 元. */
    @Fact
    public Boolean getIncomeArithmeticMismatch() {
        if (decimal("wageIncome") == null || decimal("businessIncome") == null || decimal("transferIncome") == null
                || decimal("propertyIncome") == null || decimal("productionCost") == null) {
            return null;
        }
        BigDecimal computed = decimal("wageIncome").add(decimal("businessIncome")).add(decimal("transferIncome")).add(decimal("propertyIncome"))
                .subtract(decimal("productionCost"));
        return computed.subtract(input.netIncome()).abs().compareTo(BigDecimal.ONE) > 0;
    }

    @Fact
    public BigDecimal getIncomeChangePercent() {
        BigDecimal previous = input.previousYearNetIncome();
        if (previous == null || previous.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return input.netIncome().subtract(previous).abs().multiply(HUNDRED).divide(previous, 2, RoundingMode.HALF_UP);
    }

    @Fact
    public boolean isHouseGradeValid() {
        return text("houseGrade") != null && Set.of("A", "B", "C", "D", "无房").contains(text("houseGrade"));
    }

    @Fact
    public boolean isUnsafeHouseWithoutWorks() {
        return ("C".equals(text("houseGrade")) || "D".equals(text("houseGrade")))
                && !Boolean.TRUE.equals(bool("houseRenovated")) && !Boolean.TRUE.equals(bool("relocated"));
    }

    @Fact
    public boolean isProcedureDatesOutOfOrder() {
        List<LocalDate> steps = Arrays.asList(date("appliedOn"), date("reviewedOn"), date("noticeOn"), date("announcedOn"));
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
    private static final Map<String, BigDecimal> NUMBERS = new ConcurrentHashMap<>();

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
        Predicate<SignalInput> used = switch (property) {
            case "ytdInpatientSelfPaid" -> s -> s.key().equals("医保:住院自付") && s.date().getYear() == asOf.getYear()
                    && !s.date().isAfter(asOf);
            case "maxMonthlyOutpatientSelfPaid" -> s -> recentSignals.contains(s) && s.key().equals("医保:门诊自付");
            case "highSchoolSelfPaid" -> s -> recentSignals.contains(s) && s.key().equals("教育:高中自付");
            case "signalledOutageDays" -> s -> recentSignals.contains(s) && s.key().equals("水利:停水");
            case "disasterLoss" -> s -> recentSignals.contains(s) && s.key().equals("应急:受灾");
            case "recentSignals" -> recentSignals::contains;
            default -> null;
        };
        if (used == null || d.signals().isEmpty()) {
            return List.of(); // most facts come from the registry; most households have no signal
        }
        return d.signals().stream().filter(used)
                .map(s -> s.key() + (s.eventId() == null ? "" : " " + s.eventId())).distinct().toList();
    }

    /** All facts by property name, for logs and debugging. */
    public Map<String, Object> describe() {
        Map<String, Object> all = new LinkedHashMap<>();
        INPUT_NAMES.keySet().stream().sorted().forEach(k -> all.put(k, input(k)));
        return all;
    }

    private Boolean bool(String key) {
        return (Boolean) values.get(key);
    }

    private Integer integer(String key) {
        return (Integer) values.get(key);
    }

    private BigDecimal decimal(String key) {
        return (BigDecimal) values.get(key);
    }

    private String text(String key) {
        return (String) values.get(key);
    }

    private LocalDate date(String key) {
        return (LocalDate) values.get(key);
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String key) {
        Object v = values.get(key);
        return v == null ? List.of() : (List<String>) v;
    }

    /** How many members satisfy a test (a loop: tables call these for every household, often several times). */
    private int members(Predicate<MemberInput> test) {
        int n = 0;
        for (MemberInput m : input.members()) {
            if (test.test(m)) {
                n++;
            }
        }
        return n;
    }

    private int countHealth(String health) {
        return members(m -> health.equals(m.health()));
    }

    private static BigDecimal sum(List<SignalInput> signals) {
        return signals.stream().map(SignalInput::amount).filter(a -> a != null).reduce(BigDecimal.ZERO,
                BigDecimal::add);
    }

    private static final Pattern LIST_SEPARATOR = Pattern.compile("[、,，;；\\s]+");
    /** Cell texts of the published tables, parsed once: rules call the list helpers for every household. */
    private static final Map<String, List<String>> LISTS = new ConcurrentHashMap<>();

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
