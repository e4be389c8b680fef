package cn.shoudi.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the {@link FactCatalogue}: a fact that a decision table may test or that one it tests is computed from.
 *
 * @param key         stable key, the property name tables and the REST API use (e.g. {@code vehicleValue}), never null
 * @param label       Chinese label shown in forms, templates, example-sheet headers and explanations, never null
 * @param level       household (户) or member (成员)
 * @param group       the group it is recorded in
 * @param type        value type
 * @param allowed     allowed values of a {@link FactType#CHOICE} or {@link FactType#CHOICES} fact, else empty
 * @param min         smallest allowed number (inclusive), or null
 * @param max         largest allowed number (inclusive), or null
 * @param unit        unit shown beside the value (元, 月, 升/人·日 …), or empty
 * @param source      where its value comes from in the product
 * @param derivedFrom for a {@link FactSource#DERIVED} fact, the keys it is computed from; else empty
 * @param field       where a registry basic lives in the REST body when it is not in the {@code facts} map
 *                    (e.g. {@code housing.houseGrade}); null for facts recorded in the {@code facts} map
 * @param hint        one sentence for the person recording it, or empty
 * @param absentMeans what a missing value means when it is an answer rather than unknown (e.g. 未返贫 for the year of
 *                    returning to poverty), or empty when a missing value is unknown (还缺)
 */
public record FactDefinition(String key, String label, Level level, FactGroup group, FactType type,
                             List<String> allowed, BigDecimal min, BigDecimal max, String unit, FactSource source,
                             List<String> derivedFrom, String field, String hint, String absentMeans) {

    /** Whether a fact describes the household or one member. */
    public enum Level {
        HOUSEHOLD("户"), MEMBER("成员");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Cell text that clears a stored value in an import (an empty cell leaves it unchanged). */
    public static final String CLEAR_MARKER = "（清空）";

    public FactDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        allowed = List.copyOf(allowed);
        derivedFrom = List.copyOf(derivedFrom);
        unit = unit == null ? "" : unit;
        hint = hint == null ? "" : hint;
        absentMeans = absentMeans == null ? "" : absentMeans;
    }

    /** Whether a missing value is an answer (e.g. 未返贫) rather than unknown. */
    public boolean absenceIsAnswer() {
        return !absentMeans.isEmpty();
    }

    /** The same fact with another source, e.g. to see which rows a fact without a source would leave unreachable. */
    public FactDefinition withSource(FactSource newSource) {
        return new FactDefinition(key, label, level, group, type, allowed, min, max, unit, newSource, derivedFrom,
                field, hint, absentMeans);
    }

    /** Whether people record it: in the registry's {@code facts} map or one of its basic fields. */
    public boolean recorded() {
        return source == FactSource.REGISTRY;
    }

    /** Whether it is recorded in the {@code facts} map (not one of the registry's basic fields). */
    public boolean inFactsMap() {
        return recorded() && field == null;
    }

    /**
     * Whether it is one of the household details the rules read from {@link HouseholdDetails}: a recorded household
     * fact other than the household's basics (class, members, incomes, risks, coping, guarantee issue, helper).
     */
    public boolean isDetail() {
        return level == Level.HOUSEHOLD && stored() && (field == null || field.startsWith("housing.")
                || field.startsWith("status."));
    }

    /**
     * Whether the registry stores it for the household or member: recorded by people ({@link FactSource#REGISTRY}), or
     * written into the registry by the monitoring lifecycle ({@link FactSource#MONITORING}) or a completed procedure
     * ({@link FactSource#PROCEDURE}), each through its own guarded path and never through the registry's forms.
     */
    public boolean stored() {
        return source == FactSource.REGISTRY || source == FactSource.MONITORING || source == FactSource.PROCEDURE;
    }

    /** Whether it is stored in the registry's {@code facts} map, whoever writes it. */
    public boolean storedInFactsMap() {
        return stored() && field == null;
    }

    /** Whether it is one of a member's identity fields (姓名, 身份证号, 性别, 出生日期, 与户主关系), kept in their own columns. */
    public boolean isMemberIdentity() {
        return level == Level.MEMBER && group == FactGroup.MEMBERS;
    }

    /** The label with its unit, e.g. 人均日供水量(升/人·日). */
    public String labelWithUnit() {
        return unit.isEmpty() ? label : label + "(" + unit + ")";
    }

    /**
     * Reads a value written as text (a spreadsheet cell, a form field).
     *
     * @return the typed value, or null for blank text
     * @throws IllegalArgumentException with a Chinese message naming the fact when the text does not fit
     */
    public Object parse(String text) {
        Object value = read(text);
        check(value).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        return value;
    }

    /**
     * Reads text into the fact's type without checking its allowed values or range: for data that may hold values
     * people can no longer record, such as the examples of the data-quality checks.
     *
     * @return the typed value, or null for blank text
     * @throws IllegalArgumentException with a Chinese message naming the fact when the text is not of its type
     */
    public Object read(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return switch (type) {
                case BOOLEAN -> switch (t) {
                    case "是", "true", "TRUE", "True", "1", "有" -> Boolean.TRUE;
                    case "否", "false", "FALSE", "False", "0", "无", "没有" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("「" + label + "」应填“是”或“否”，现为「" + t + "」");
                };
                case INTEGER -> {
                    BigDecimal d = new BigDecimal(t.replace(",", ""));
                    if (d.stripTrailingZeros().scale() > 0) {
                        throw new IllegalArgumentException("「" + label + "」应为整数，现为「" + t + "」");
                    }
                    yield d.intValueExact();
                }
                case DECIMAL -> new BigDecimal(t.replace(",", ""));
                case DATE -> LocalDate.parse(t.replace('/', '-').replace('.', '-'));
                case CHOICES -> Arrays.stream(t.split("[、,，;；\\s]+")).filter(s -> !s.isBlank()).toList();
                case CHOICE, TEXT -> t;
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("「" + label + "」应为" + (type == FactType.INTEGER ? "整数" : "数字")
                    + "，现为「" + t + "」");
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("「" + label + "」应为日期（如 2021-01-01），现为「" + t + "」");
        }
    }

    /**
     * Reads a value as a JSON parser gives it (Boolean, Number, String, a list of strings), or already typed.
     *
     * @throws IllegalArgumentException with a Chinese message naming the fact when the value does not fit
     */
    public Object fromJson(Object value) {
        if (value == null) {
            return null;
        }
        Object typed = switch (type) {
            case BOOLEAN -> value instanceof Boolean b ? b : parse(String.valueOf(value));
            case INTEGER, DECIMAL -> value instanceof Number n ? parse(new BigDecimal(n.toString()).toPlainString())
                    : value instanceof String s ? parse(s) : wrong(value);
            case CHOICES -> value instanceof Collection<?> c ? c.stream().map(String::valueOf).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList() : value instanceof String s ? parse(s) : wrong(value);
            case DATE -> value instanceof LocalDate d ? d : value instanceof String s ? parse(s) : wrong(value);
            case CHOICE, TEXT -> value instanceof String s ? parse(s) : wrong(value);
        };
        check(typed).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        return typed;
    }

    private Object wrong(Object value) {
        throw new IllegalArgumentException("「" + label + "」应为" + type.label() + "，现为「" + value + "」");
    }

    /** The problem with a typed value (not allowed, out of range), in Chinese; empty when it fits. */
    public Optional<String> check(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (type == FactType.CHOICE && !allowed.isEmpty() && !allowed.contains((String) value)) {
            return Optional.of("「" + label + "」“" + value + "”无效，可选：" + String.join("、", allowed));
        }
        if (type == FactType.CHOICES && !allowed.isEmpty()) {
            List<String> bad = new ArrayList<>();
            for (Object item : (List<?>) value) {
                if (!allowed.contains(String.valueOf(item))) {
                    bad.add(String.valueOf(item));
                }
            }
            if (!bad.isEmpty()) {
                return Optional.of("「" + label + "」“" + String.join("、", bad) + "”无效，可选：" + String.join("、", allowed));
            }
        }
        if (type == FactType.TEXT && ((String) value).length() > 100) {
            return Optional.of("「" + label + "」不能超过100个字符");
        }
        if (value instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString());
            if (min != null && d.compareTo(min) < 0 || max != null && d.compareTo(max) > 0) {
                return Optional.of("「" + label + "」应在 " + plain(min) + " 至 " + plain(max)
                        + (unit.isEmpty() ? "" : " " + unit) + " 之间，现为 " + d.toPlainString());
            }
            if (type == FactType.DECIMAL && d.stripTrailingZeros().scale() > 2) {
                return Optional.of("「" + label + "」最多两位小数");
            }
        }
        return Optional.empty();
    }

    /** The canonical text of a typed value: what is stored, exported and shown in the change history. */
    public String format(Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case BOOLEAN -> ((Boolean) value) ? "是" : "否";
            case DECIMAL -> ((BigDecimal) value).stripTrailingZeros().toPlainString();
            case CHOICES -> String.join("、", ((List<?>) value).stream().map(String::valueOf).toList());
            default -> value.toString();
        };
    }

    private static String plain(BigDecimal d) {
        return d == null ? "不限" : d.stripTrailingZeros().toPlainString();
    }
}
