package cn.shoudi.reporting;

import cn.shoudi.InvalidRequestException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks submitted township facts and lists every problem, in Chinese, by position. */
final class FactValidation {

    private static final Set<String> SECTIONS = Set.of("basic", "poverty", "guarantees", "monitoring", "income",
            "other");

    private FactValidation() {
    }

    static void check(List<TownshipFact> facts) {
        List<String> problems = new ArrayList<>();
        if (facts == null) {
            throw new InvalidRequestException(List.of("请提交乡镇基本情况列表"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < facts.size(); i++) {
            TownshipFact f = facts.get(i);
            String at = "第" + (i + 1) + "项：";
            if (f == null) {
                problems.add(at + "不能为空");
                continue;
            }
            if (f.code() == null || f.code().isBlank() || f.code().length() > 40) {
                problems.add(at + "代码不能为空，且不超过40个字符");
            } else if (!codes.add(f.code())) {
                problems.add(at + "代码“" + f.code() + "”重复");
            }
            if (f.section() == null || !SECTIONS.contains(f.section())) {
                problems.add(at + "栏目应为 " + String.join("、", SECTIONS.stream().sorted().toList()) + " 之一");
            }
            if (f.label() == null || f.label().isBlank() || f.label().length() > 100) {
                problems.add(at + "名称不能为空，且不超过100个字符");
            }
            if (f.amount() == null || f.amount().abs().compareTo(new java.math.BigDecimal("1e14")) >= 0
                    || f.amount().scale() > 2) {
                problems.add(at + "数值不能为空，最多两位小数");
            }
            if (f.unit() == null || f.unit().isBlank() || f.unit().length() > 10) {
                problems.add(at + "单位不能为空，且不超过10个字符");
            }
            if (f.source() == null || f.source().isBlank() || f.source().length() > 200) {
                problems.add(at + "来源不能为空，且不超过200个字符");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
