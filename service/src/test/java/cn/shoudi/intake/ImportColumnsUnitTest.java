package cn.shoudi.intake;

import cn.shoudi.rules.facts.FactCatalogue;
import cn.shoudi.rules.facts.FactDefinition;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The import and export layout comes from the fact catalogue: a fact added there has its column with no other edit. */
class ImportColumnsUnitTest {

    @Test
    void everyRecordedFactOfTheCatalogueHasExactlyOneColumn() {
        List<FactDefinition> recorded = FactCatalogue.STANDARD.all().stream().filter(FactDefinition::recorded)
                .filter(d -> d.field() == null || !List.of("members", "helperCadreId", "householdClass", "netIncome",
                        "rigidExpenditure", "previousYearNetIncome", "riskTypes", "selfCoping", "guaranteeIssue")
                        .contains(d.field()))
                .toList();
        assertThat(recorded).isNotEmpty();
        for (FactDefinition d : recorded) {
            assertThat(ImportColumns.ALL).as("column of %s", d.key()).contains(d.label());
        }
        assertThat(new HashSet<>(ImportColumns.ALL)).hasSameSizeAs(ImportColumns.ALL);
        assertThat(ImportColumns.ALL).startsWith(ImportColumns.HOUSEHOLD_BASICS.toArray(String[]::new));
    }

    @Test
    void theRequiredColumnsAreTheBasicsAndAFactColumnMapsBackToItsFact() {
        assertThat(ImportColumns.HOUSEHOLD_BASICS).contains("户编号", "家庭纯收入", "户类型");
        assertThat(ImportColumns.MEMBER_BASICS).contains("身份证号", "与户主关系");
        assertThat(ImportColumns.fact("享受型车辆价值")).map(FactDefinition::key).contains("vehicleValue");
        assertThat(ImportColumns.fact("村干部")).map(FactDefinition::key).contains("villageCadre");
        assertThat(ImportColumns.householdLevel("享受型车辆价值")).isTrue();
        assertThat(ImportColumns.householdLevel("村干部")).isFalse();
        assertThat(ImportColumns.headerOfField("facts.awayMonths")).contains("全家外出月数");
        assertThat(ImportColumns.headerOfField("housing.houseGrade")).contains("房屋安全等级");
    }
}
