package cn.shoudi.rules.cases;

import cn.shoudi.rules.facts.HouseholdClass;
import cn.shoudi.rules.facts.FactDefinition;
import cn.shoudi.rules.facts.FactType;
import cn.shoudi.rules.facts.HouseholdDetails;
import cn.shoudi.rules.facts.SignalInput;
import cn.shoudi.rules.facts.HouseholdInput;
import cn.shoudi.rules.facts.MemberInput;
import cn.shoudi.rules.table.CellRef;
import cn.shoudi.rules.table.Cells;
import cn.shoudi.rules.table.TableError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static cn.shoudi.rules.table.WorkbookReader.error;

/**
 * Reads the examples sheet (示例): one example household per row, with the outcome and rule codes expected.
 */
public final class ExampleSheetReader {

    /** Name of the examples sheet. */
    public static final String SHEET = "示例";
    static final String ID = "示例编号";
    static final String DESCRIPTION = "说明";
    static final String AS_OF = "评估日期";
    static final String CLASS = "户类型";
    static final String MEMBERS = "家庭人口";
    static final String NET_INCOME = "家庭纯收入";
    static final String RIGID = "刚性支出";
    static final String PREVIOUS = "上年纯收入";
    static final String RISKS = "风险类型";
    static final String COPING = "能否自身应对";
    static final String GUARANTEE = "三保障或饮水问题";
    static final String EXPECTED = "预期结论";
    static final String EXPECTED_CODES = "预期规则";
    static final List<String> KNOWN = List.of(ID, DESCRIPTION, AS_OF, CLASS, MEMBERS, NET_INCOME, RIGID, PREVIOUS,
            RISKS, COPING, GUARANTEE, EXPECTED, EXPECTED_CODES);
    static final List<String> REQUIRED = List.of(ID, AS_OF, CLASS, NET_INCOME, EXPECTED);
    /** Optional sheet of example members (示例成员), linked by 示例编号. */
    public static final String MEMBER_SHEET = "示例成员";
    /** Optional sheet of example department signals (示例信号), linked by 示例编号. */
    public static final String SIGNAL_SHEET = "示例信号";
    static final List<String> MEMBER_HEADERS = Stream.concat(
            Stream.of(ID, "姓名", "身份证号", "性别", "出生日期", "与户主关系"),
            ExampleColumns.MEMBER.keySet().stream()).toList();
    static final List<String> SIGNAL_HEADERS = List.of(ID, "部门", "类型", "金额", "日期", "身份证号", "事件编号");

    /** Reads the sheet; a workbook without examples is an error. Problems are added to {@code errors}. */
    public List<ExampleCase> read(Workbook wb, Cells cells, String tableId, String file, List<TableError> errors) {
        Sheet sheet = wb.getSheet(SHEET);
        if (sheet == null) {
            errors.add(new TableError(CellRef.of(file, SHEET, 0, -1), "NO_EXAMPLES",
                    "缺少「示例」工作表：每张决策表都须带示例户及预期结论", "the workbook has no examples sheet '示例'"));
            return List.of();
        }
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int c = 0; !cells.text(sheet, 0, c).isEmpty(); c++) {
            String h = cells.text(sheet, 0, c).replaceAll("[(（].*$", "").trim();
            if (!KNOWN.contains(h) && !ExampleColumns.HOUSEHOLD.containsKey(h)) {
                errors.add(error(file, sheet, 0, c, "UNKNOWN_HEADER",
                        "示例表表头「" + cells.text(sheet, 0, c) + "」无法识别，可用：" + String.join("、", KNOWN) + "、"
                                + String.join("、", ExampleColumns.HOUSEHOLD.keySet()),
                        "unknown examples header '" + h + "'"));
            } else if (col.put(h, c) != null) {
                errors.add(error(file, sheet, 0, c, "DUPLICATE_HEADER", "示例表表头「" + h + "」重复", "duplicate header"));
            }
        }
        for (String req : REQUIRED) {
            if (!col.containsKey(req)) {
                errors.add(error(file, sheet, 0, -1, "MISSING_HEADER",
                        "示例表缺少「" + req + "」列", "examples sheet lacks column '" + req + "'"));
            }
        }
        if (!errors.isEmpty() && errors.stream().anyMatch(e -> e.at().sheet().equals(SHEET) && e.at().file().equals(file))) {
            return List.of();
        }
        Map<String, List<MemberInput>> members = new LinkedHashMap<>();
        Map<String, List<SignalInput>> signals = new LinkedHashMap<>();
        readLinkedSheet(wb, cells, file, MEMBER_SHEET, MEMBER_HEADERS, errors, (row, id) ->
                members.computeIfAbsent(id, k -> new ArrayList<>()).add(member(row)));
        readLinkedSheet(wb, cells, file, SIGNAL_SHEET, SIGNAL_HEADERS, errors, (row, id) ->
                signals.computeIfAbsent(id, k -> new ArrayList<>()).add(signal(row)));
        List<ExampleCase> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int lastCol = col.values().stream().max(Integer::compare).orElse(0);
        for (int r = 1; r <= sheet.getLastRowNum() && !cells.blankRow(sheet, r, lastCol); r++) {
            ExampleCase ex = readRow(sheet, cells, tableId, file, r, col, members, signals, errors);
            if (ex != null && !ids.add(ex.id())) {
                errors.add(error(file, sheet, r, col.get(ID), "DUPLICATE_EXAMPLE",
                        "示例编号「" + ex.id() + "」重复", "duplicate example id"));
            } else if (ex != null) {
                out.add(ex);
            }
        }
        if (out.isEmpty() && errors.isEmpty()) {
            errors.add(error(file, sheet, 1, -1, "NO_EXAMPLES", "示例表没有示例户", "the examples sheet is empty"));
        }
        return out;
    }

    private ExampleCase readRow(Sheet sheet, Cells cells, String tableId, String file, int r,
                                Map<String, Integer> col, Map<String, List<MemberInput>> memberRows,
                                Map<String, List<SignalInput>> signalRows, List<TableError> errors) {
        int before = errors.size();
        RowReader row = new RowReader(sheet, cells, file, r, col, errors);
        String id = row.text(ID);
        LocalDate asOf = row.date(AS_OF);
        HouseholdClass cls = row.householdClass();
        List<MemberInput> listed = memberRows.getOrDefault(id, List.of());
        int persons = col.containsKey(MEMBERS) && !row.optional(MEMBERS).isEmpty()
                ? row.number(MEMBERS, BigDecimal.ONE).intValue() : listed.size();
        if (persons < 1) {
            row.fail(MEMBERS, "家庭人口应至少为 1（或在「示例成员」表中列出成员）", "member count must be at least 1");
        } else if (!listed.isEmpty() && persons != listed.size()) {
            row.fail(MEMBERS, "家庭人口 " + persons + " 与「示例成员」表中的 " + listed.size() + " 人不一致",
                    "member count differs from the members sheet");
        }
        BigDecimal income = row.number(NET_INCOME, null);
        BigDecimal rigid = row.number(RIGID, BigDecimal.ZERO);
        BigDecimal previous = row.number(PREVIOUS, null);
        Set<String> risks = row.list(RISKS);
        boolean coping = row.bool(COPING, true);
        boolean guarantee = row.bool(GUARANTEE, false);
        String expected = row.text(EXPECTED);
        Set<String> codes = row.list(EXPECTED_CODES);
        Map<String, Object> values = new LinkedHashMap<>();
        for (String header : col.keySet()) {
            String text = row.optional(header);
            FactDefinition fact = ExampleColumns.HOUSEHOLD.get(header);
            if (fact == null || text.isEmpty()) {
                continue;
            }
            try {
                values.put(fact.key(), fact.type() == FactType.DATE ? row.date(header)
                        : ExampleColumns.value(fact, text));
            } catch (IllegalArgumentException e) {
                row.fail(header, e.getMessage(), "bad value in column " + header);
            }
        }
        HouseholdDetails details = new HouseholdDetails(values, signalRows.getOrDefault(id, List.of()));
        if (errors.size() > before) {
            return null;
        }
        List<MemberInput> members = new ArrayList<>(listed);
        for (int i = members.size(); i < persons; i++) {
            members.add(new MemberInput("示例成员" + (i + 1), null, i % 2 == 0 ? "男" : "女",
                    LocalDate.of(1980, 1, 1), i == 0 ? "户主" : "家庭成员"));
        }
        HouseholdInput input = new HouseholdInput(tableId + "-" + id, cls, members, income, rigid, previous, risks,
                coping, guarantee, details);
        return new ExampleCase(tableId, id, row.optional(DESCRIPTION), CellRef.of(file, SHEET, r + 1, -1), asOf,
                input, expected, codes);
    }

    private interface LinkedRow {
        void accept(RowReader row, String exampleId);
    }

    private void readLinkedSheet(Workbook wb, Cells cells, String file, String name, List<String> headers,
                                 List<TableError> errors, LinkedRow consumer) {
        Sheet sheet = wb.getSheet(name);
        if (sheet == null) {
            return;
        }
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int c = 0; !cells.text(sheet, 0, c).isEmpty(); c++) {
            String h = cells.text(sheet, 0, c).replaceAll("[(（].*$", "").trim();
            if (!headers.contains(h)) {
                errors.add(error(file, sheet, 0, c, "UNKNOWN_HEADER", "「" + name + "」表头「" + h + "」无法识别，可用："
                        + String.join("、", headers), "unknown header '" + h + "' in " + name));
                return;
            }
            col.put(h, c);
        }
        if (!col.containsKey(ID)) {
            errors.add(error(file, sheet, 0, -1, "MISSING_HEADER", "「" + name + "」缺少「示例编号」列",
                    "sheet " + name + " lacks 示例编号"));
            return;
        }
        int lastCol = col.values().stream().max(Integer::compare).orElse(0);
        for (int r = 1; r <= sheet.getLastRowNum() && !cells.blankRow(sheet, r, lastCol); r++) {
            int before = errors.size();
            RowReader row = new RowReader(sheet, cells, file, r, col, errors);
            String id = row.text(ID);
            try {
                consumer.accept(row, id);
            } catch (IllegalArgumentException e) {
                row.fail(ID, e.getMessage(), "bad row in " + name);
            }
            if (errors.size() > before) {
                continue;
            }
        }
    }

    private static MemberInput member(RowReader row) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (FactDefinition fact : ExampleColumns.MEMBER.values()) {
            String text = row.optional(fact.label());
            if (!text.isEmpty()) {
                try {
                    facts.put(fact.key(), ExampleColumns.value(fact, text));
                } catch (IllegalArgumentException e) {
                    row.fail(fact.label(), e.getMessage(), "bad value in column " + fact.label());
                }
            }
        }
        return new MemberInput(row.text("姓名"), blankToNull(row.optional("身份证号")), row.text("性别"),
                row.date("出生日期"), row.text("与户主关系"), facts);
    }

    private static SignalInput signal(RowReader row) {
        BigDecimal amount = row.optional("金额").isEmpty() ? null : row.number("金额", null);
        return new SignalInput(row.text("部门"), row.text("类型"), amount, row.date("日期"),
                blankToNull(row.optional("身份证号")), blankToNull(row.optional("事件编号")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Typed access to the cells of one example row, recording every bad cell. */
    private static final class RowReader {
        private final Sheet sheet;
        private final Cells cells;
        private final String file;
        private final int r;
        private final Map<String, Integer> col;
        private final List<TableError> errors;

        RowReader(Sheet sheet, Cells cells, String file, int r, Map<String, Integer> col, List<TableError> errors) {
            this.sheet = sheet;
            this.cells = cells;
            this.file = file;
            this.r = r;
            this.col = col;
            this.errors = errors;
        }

        String optional(String header) {
            Integer c = col.get(header);
            return c == null ? "" : cells.text(sheet, r, c);
        }

        String text(String header) {
            String t = optional(header);
            if (t.isEmpty()) {
                fail(header, "「" + header + "」不能为空", "'" + header + "' is required");
            }
            return t;
        }

        BigDecimal number(String header, BigDecimal fallback) {
            String t = optional(header);
            if (t.isEmpty()) {
                if (fallback == null && REQUIRED.contains(header)) {
                    fail(header, "「" + header + "」不能为空", "'" + header + "' is required");
                    return BigDecimal.ZERO;
                }
                return fallback;
            }
            try {
                return new BigDecimal(t);
            } catch (NumberFormatException e) {
                fail(header, "「" + header + "」应为数字，现为「" + t + "」", "'" + t + "' is not a number");
                return BigDecimal.ZERO;
            }
        }

        LocalDate date(String header) {
            try {
                LocalDate d = cells.date(sheet, r, col.get(header));
                if (d == null) {
                    fail(header, "「" + header + "」不能为空", "'" + header + "' is required");
                    return LocalDate.EPOCH;
                }
                return d;
            } catch (IllegalArgumentException e) {
                fail(header, "日期「" + e.getMessage() + "」无效，应写成 2021-12-31", "bad date");
                return LocalDate.EPOCH;
            }
        }

        HouseholdClass householdClass() {
            try {
                return HouseholdClass.parse(text(CLASS));
            } catch (IllegalArgumentException e) {
                fail(CLASS, e.getMessage(), "unknown household class");
                return HouseholdClass.GENERAL;
            }
        }

        boolean bool(String header, boolean fallback) {
            String t = optional(header);
            return switch (t) {
                case "" -> fallback;
                case "是", "true", "TRUE" -> true;
                case "否", "false", "FALSE" -> false;
                default -> {
                    fail(header, "「" + header + "」应填“是”或“否”，现为「" + t + "」", "'" + t + "' is not 是/否");
                    yield fallback;
                }
            };
        }

        Set<String> list(String header) {
            String t = optional(header);
            if (t.isEmpty() || t.equals("无")) {
                return Set.of();
            }
            return Arrays.stream(t.split("[、,，;；\\s]+")).map(String::trim).filter(s -> !s.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }

        void fail(String header, String zh, String en) {
            Integer c = col.get(header);
            errors.add(error(file, sheet, r, c == null ? -1 : c, "BAD_EXAMPLE", zh, en));
        }
    }
}
