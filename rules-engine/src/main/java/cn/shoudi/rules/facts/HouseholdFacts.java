package cn.shoudi.rules.facts;

import cn.shoudi.rules.params.MissingParameterException;
import cn.shoudi.rules.params.Parameter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The household-level facts that decision-table conditions read, derived once per evaluation from a
 * {@link HouseholdInput} and the parameters that apply on the as-of date. The getters are the vocabulary of the
 * tables' condition columns; {@link #INPUT_NAMES} gives their Chinese names for explanations.
 */
public final class HouseholdFacts {

    /** Chinese name of each fact a table may test, in display order. */
    public static final Map<String, String> INPUT_NAMES = Map.ofEntries(
            Map.entry("householdClass", "户类型"),
            Map.entry("memberCount", "家庭人口"),
            Map.entry("netIncome", "家庭纯收入"),
            Map.entry("perCapitaNetIncome", "人均纯收入"),
            Map.entry("rigidExpenditure", "刚性支出"),
            Map.entry("perCapitaIncomeAfterRigidExpenditure", "扣除刚性支出后人均收入"),
            Map.entry("incomeDropPercent", "收入降幅(%)"),
            Map.entry("riskCount", "风险类型数"),
            Map.entry("riskTypes", "风险类型"),
            Map.entry("selfCoping", "能否自身应对"),
            Map.entry("guaranteeIssue", "三保障或饮水问题"));

    /** Condition helpers that test a fact under another name. */
    public static final Map<String, String> HELPER_INPUTS = Map.of(
            "householdClassIn", "householdClass",
            "hasRiskType", "riskTypes",
            "hasAnyRiskType", "riskTypes");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final HouseholdInput input;
    private final LocalDate asOf;
    private final Map<String, Parameter> parameters;
    private final BigDecimal perCapitaNetIncome;
    private final BigDecimal perCapitaAfterRigid;
    private final BigDecimal incomeDropPercent;

    /**
     * @param input      the household, never null
     * @param asOf       the evaluation's as-of date, never null
     * @param parameters the parameter rows that apply on {@code asOf}, by code
     */
    public HouseholdFacts(HouseholdInput input, LocalDate asOf, Map<String, Parameter> parameters) {
        this.input = input;
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
    }

    public String getHouseholdId() {
        return input.householdId();
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    public String getHouseholdClass() {
        return input.householdClass().label();
    }

    public int getMemberCount() {
        return input.members().size();
    }

    public BigDecimal getNetIncome() {
        return input.netIncome();
    }

    public BigDecimal getPerCapitaNetIncome() {
        return perCapitaNetIncome;
    }

    public BigDecimal getRigidExpenditure() {
        return input.rigidExpenditure();
    }

    public BigDecimal getPerCapitaIncomeAfterRigidExpenditure() {
        return perCapitaAfterRigid;
    }

    public BigDecimal getIncomeDropPercent() {
        return incomeDropPercent;
    }

    public int getRiskCount() {
        return input.riskTypes().size();
    }

    public Set<String> getRiskTypes() {
        return new TreeSet<>(input.riskTypes());
    }

    public boolean isSelfCoping() {
        return input.selfCoping();
    }

    public boolean isGuaranteeIssue() {
        return input.guaranteeIssue();
    }

    /**
     * Whether the household class is one of a list written in a table cell, e.g. {@code 脱贫户、一般农户}.
     */
    public boolean householdClassIn(String labels) {
        String own = getHouseholdClass();
        return Arrays.stream(labels.split("[、,，;；\\s]+")).anyMatch(l -> l.trim().equals(own));
    }

    /** Whether the household has the given risk type. */
    public boolean hasRiskType(String riskType) {
        return input.riskTypes().contains(riskType.trim());
    }

    /** Whether the household has any of the risk types in a list written in a table cell. */
    public boolean hasAnyRiskType(String riskTypes) {
        return Arrays.stream(riskTypes.split("[、,，;；\\s]+")).anyMatch(this::hasRiskType);
    }

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
        try {
            return new BigDecimal(codeOrNumber.trim());
        } catch (NumberFormatException e) {
            throw new MissingParameterException(codeOrNumber, asOf);
        }
    }

    /** The value of one fact by its property name, for explanations. */
    public Object input(String property) {
        return switch (property) {
            case "householdClass" -> getHouseholdClass();
            case "memberCount" -> getMemberCount();
            case "netIncome" -> getNetIncome();
            case "perCapitaNetIncome" -> getPerCapitaNetIncome();
            case "rigidExpenditure" -> getRigidExpenditure();
            case "perCapitaIncomeAfterRigidExpenditure" -> getPerCapitaIncomeAfterRigidExpenditure();
            case "incomeDropPercent" -> getIncomeDropPercent();
            case "riskCount" -> getRiskCount();
            case "riskTypes" -> String.join("、", getRiskTypes());
            case "selfCoping" -> isSelfCoping();
            case "guaranteeIssue" -> isGuaranteeIssue();
            default -> throw new IllegalArgumentException("unknown fact " + property);
        };
    }

    /** All facts by property name, for logs and debugging. */
    public Map<String, Object> describe() {
        Map<String, Object> all = new LinkedHashMap<>();
        INPUT_NAMES.keySet().stream().sorted().forEach(k -> all.put(k, input(k)));
        return all;
    }
}
