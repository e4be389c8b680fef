package cn.shoudi.rules.table;

import cn.shoudi.rules.cases.ExampleCase;
import cn.shoudi.rules.cases.ExampleSheetReader;
import cn.shoudi.rules.params.Parameter;
import cn.shoudi.rules.params.ParameterSheetReader;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one decision-table workbook with Apache POI and checks it against the exact vocabulary before Drools sees
 * it. Every problem is added to the error list with its sheet, row and column; nothing is thrown for bad content.
 */
public final class WorkbookReader {

    /** Name of the sheet with the decision's description and default outcome. */
    public static final String ABOUT_SHEET = "说明";
    static final Set<String> RULESET_KEYWORDS =
            Set.of("RuleSet", "Import", "Variables", "Functions", "Sequential", "EscapeQuotes");
    static final String FACT_TYPE = "HouseholdFacts";

    /**
     * Reads a workbook.
     *
     * @return the table, or null when the workbook cannot be used (the reasons are in {@code errors})
     */
    public DecisionTable read(String fileName, byte[] bytes, List<TableError> errors) {
        int before = errors.size();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Cells cells = new Cells(wb.getCreationHelper().createFormulaEvaluator());
            String id = fileName.replaceFirst("\\.[^.]+$", "");
            Sheet rules = findRuleSheet(wb, cells, fileName, errors);
            if (rules == null) {
                return null;
            }
            String defaultOutcome = readDefaultOutcome(wb, cells, fileName, errors);
            LocalDate[] validity = readValidity(wb, cells, fileName, errors);
            RuleSheet parsed = readRuleSheet(rules, cells, fileName, errors);
            List<Parameter> params = new ParameterSheetReader().read(wb, cells, fileName, errors);
            List<ExampleCase> examples = new ExampleSheetReader().read(wb, cells, id, fileName,
                    errors);
            if (parsed == null || errors.size() > before) {
                return null;
            }
            String drl = generateDrl(wb, rules.getSheetName(), fileName, errors);
            if (drl == null) {
                return null;
            }
            return new DecisionTable(id, fileName, parsed.title, rules.getSheetName(), parsed.packageName,
                    defaultOutcome, validity[0], validity[1], parsed.columns, parsed.rows, params, examples, drl);
        } catch (IOException | RuntimeException e) {
            if (errors.size() == before) {
                errors.add(UnreadableWorkbook.of(fileName, e));
            }
            return null;
        }
    }

    /**
     * Reads a workbook that holds only shared parameters (parameters.xlsx): its 参数 sheet.
     */
    public List<Parameter> readParameters(String fileName, byte[] bytes, List<TableError> errors) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Cells cells = new Cells(wb.getCreationHelper().createFormulaEvaluator());
            if (wb.getSheet(ParameterSheetReader.SHEET) == null) {
                errors.add(new TableError(CellRef.of(fileName, ParameterSheetReader.SHEET, 0, -1), "NO_PARAMETERS",
                        "参数工作簿中没有「参数」工作表", "the parameters workbook has no sheet '参数'"));
                return List.of();
            }
            return new ParameterSheetReader().read(wb, cells, fileName, errors);
        } catch (IOException | RuntimeException e) {
            errors.add(UnreadableWorkbook.of(fileName, e));
            return List.of();
        }
    }

    /**
     * The DRL Drools generates from the rule sheet, from the workbook already open (Drools' {@code SpreadsheetCompiler}
     * would parse the file a second time); null with an error when Drools cannot parse the sheet.
     */
    private static String generateDrl(Workbook wb, String sheet, String file, List<TableError> errors) {
        try {
            DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
            new ExcelParser(Map.of(sheet, List.<DataListener>of(listener))).parseWorkbook(wb);
            return new SpreadsheetCompiler().listenerToString(listener);
        } catch (RuntimeException e) {
            errors.add(UnreadableWorkbook.unparsable(file, sheet, e));
            return null;
        }
    }

    private LocalDate[] readValidity(Workbook wb, Cells cells, String file, List<TableError> errors) {
        LocalDate from = LocalDate.of(2000, 1, 1);
        LocalDate to = null;
        Sheet about = wb.getSheet(ABOUT_SHEET);
        if (about != null) {
            for (Row row : about) {
                String key = cells.text(about, row.getRowNum(), 0);
                if (!key.equals("生效日期") && !key.equals("失效日期")) {
                    continue;
                }
                try {
                    LocalDate date = cells.date(about, row.getRowNum(), 1);
                    if (key.equals("生效日期") && date != null) {
                        from = date;
                    } else if (key.equals("失效日期")) {
                        to = date;
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(error(file, about, row.getRowNum(), 1, "BAD_DATE",
                            "日期「" + e.getMessage() + "」无效，应写成 2021-01-01", "'" + e.getMessage() + "' is not a date"));
                }
            }
        }
        return new LocalDate[] {from, to};
    }

    private Sheet findRuleSheet(Workbook wb, Cells cells, String file, List<TableError> errors) {
        Sheet found = null;
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    String t = cells.text(sheet, row.getRowNum(), c);
                    if (t.equals("RuleSet")) {
                        if (found != null && found != sheet) {
                            errors.add(error(file, sheet, row.getRowNum(), c, "DUPLICATE_RULESET",
                                    "一个工作簿只能有一个规则工作表（含 RuleSet 的工作表），另一个是「" + found.getSheetName() + "」",
                                    "only one rule sheet (with RuleSet) per workbook; another is '" + found.getSheetName() + "'"));
                        }
                        found = sheet;
                    } else if (t.equalsIgnoreCase("RuleSet")) {
                        errors.add(error(file, sheet, row.getRowNum(), c, "UNKNOWN_KEYWORD",
                                "关键字「" + t + "」拼写有误，应为 RuleSet（区分大小写）",
                                "keyword '" + t + "' is misspelt; write RuleSet (case-sensitive)"));
                    }
                }
            }
        }
        if (found == null && errors.isEmpty()) {
            errors.add(new TableError(CellRef.of(file, "", 0, -1), "NO_RULE_SHEET",
                    "没有找到规则工作表：应有一个工作表以 RuleSet 关键字开头",
                    "no rule sheet: one sheet must start with the RuleSet keyword"));
        }
        return found;
    }

    private String readDefaultOutcome(Workbook wb, Cells cells, String file, List<TableError> errors) {
        Sheet about = wb.getSheet(ABOUT_SHEET);
        if (about != null) {
            for (Row row : about) {
                if (cells.text(about, row.getRowNum(), 0).equals("默认结论")) {
                    String v = cells.text(about, row.getRowNum(), 1);
                    if (!v.isEmpty()) {
                        return v;
                    }
                }
            }
        }
        errors.add(new TableError(CellRef.of(file, ABOUT_SHEET, 0, -1), "NO_DEFAULT_OUTCOME",
                "缺少「说明」工作表中的「默认结论」一行（A 列写“默认结论”，B 列写没有规则命中时的结论）",
                "sheet '说明' lacks the '默认结论' row (outcome when no rule fires)"));
        return null;
    }

    private record RuleSheet(String packageName, String title, List<Column> columns, List<RuleRow> rows) {
    }

    private RuleSheet readRuleSheet(Sheet sheet, Cells cells, String file, List<TableError> errors) {
        int start = -1;
        int kc = -1;
        for (Row row : sheet) {
            for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                if (cells.text(sheet, row.getRowNum(), c).equals("RuleSet")) {
                    start = row.getRowNum();
                    kc = c;
                    break;
                }
            }
            if (start >= 0) {
                break;
            }
        }
        String packageName = cells.text(sheet, start, kc + 1);
        if (!packageName.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*")) {
            errors.add(error(file, sheet, start, kc + 1, "BAD_RULESET",
                    "RuleSet 名称「" + packageName + "」无效，应为小写英文包名，如 cn.shoudi.policy.monitoring",
                    "RuleSet name '" + packageName + "' must be a lower-case package name"));
        }
        int tableRow = -1;
        String title = null;
        int last = sheet.getLastRowNum();
        for (int r = start + 1; r <= last; r++) {
            String k = cells.text(sheet, r, kc);
            if (k.startsWith("RuleTable")) {
                tableRow = r;
                title = k.substring("RuleTable".length()).trim();
                break;
            }
            if (!k.isEmpty() && !RULESET_KEYWORDS.contains(k)) {
                errors.add(error(file, sheet, r, kc, "UNKNOWN_KEYWORD",
                        "未知的关键字「" + k + "」，可用：" + String.join("、", RULESET_KEYWORDS.stream().sorted().toList())
                                + "、RuleTable",
                        "unknown keyword '" + k + "'"));
            }
        }
        if (tableRow < 0) {
            errors.add(error(file, sheet, start, kc, "NO_RULE_TABLE",
                    "RuleSet 之后没有 RuleTable 行", "no RuleTable row after RuleSet"));
            return null;
        }
        if (title.isEmpty()) {
            errors.add(error(file, sheet, tableRow, kc, "NO_TABLE_TITLE",
                    "RuleTable 后应写决策名称，如「RuleTable 监测对象纳入」", "RuleTable needs a title"));
        }
        List<Column> columns = readColumns(sheet, cells, file, tableRow, kc, errors);
        if (columns == null) {
            return null;
        }
        List<RuleRow> rows = readRows(sheet, cells, file, tableRow + 5, columns, errors);
        return new RuleSheet(packageName, title, columns, rows);
    }

    private List<Column> readColumns(Sheet sheet, Cells cells, String file, int tableRow, int kc,
                                     List<TableError> errors) {
        int header = tableRow + 1;
        List<Column> columns = new ArrayList<>();
        int names = 0;
        int before = errors.size();
        for (int c = kc; ; c++) {
            String h = cells.text(sheet, header, c);
            if (h.isEmpty()) {
                break;
            }
            var kind = ColumnKind.ofHeader(h);
            if (kind.isEmpty()) {
                errors.add(error(file, sheet, header, c, "UNKNOWN_HEADER",
                        "表头「" + h + "」不是可用的列类型（须完全一致，区分大小写）：" + ColumnKind.accepted(),
                        "header '" + h + "' is not one of " + ColumnKind.accepted()));
                continue;
            }
            String objectType = mergedText(sheet, cells, header + 1, c);
            String snippet = cells.text(sheet, header + 2, c);
            String description = cells.text(sheet, header + 3, c);
            String actionKey = null;
            switch (kind.get()) {
                case NAME -> names++;
                case CONDITION -> checkCondition(file, sheet, header, c, objectType, snippet, errors);
                case ACTION -> {
                    var key = ActionKeys.keyOf(snippet);
                    if (key.isEmpty() || !ActionKeys.NAMES.containsKey(key.get())) {
                        errors.add(error(file, sheet, header + 2, c, "BAD_ACTION",
                                "动作代码「" + snippet + "」无效，应写 findings.put(kcontext, \"字段\", \"$param\");"
                                        + " 字段可用：" + String.join("、", ActionKeys.NAMES.keySet().stream().sorted().toList()),
                                "action snippet '" + snippet + "' must be findings.put(kcontext, \"<key>\", \"$param\");"));
                    } else {
                        actionKey = key.get();
                    }
                }
                default -> {
                }
            }
            if (description.isEmpty()) {
                errors.add(error(file, sheet, header + 3, c, "NO_DESCRIPTION",
                        "该列缺少中文说明（表头下第 4 行）", "column has no description row"));
            }
            columns.add(new Column(c, kind.get(), objectType, snippet, description, actionKey));
        }
        if (names != 1) {
            errors.add(error(file, sheet, header, kc, "NAME_COLUMN",
                    "规则表须有且只有一个 NAME 列（规则编号），现有 " + names + " 个",
                    "a rule table needs exactly one NAME column, found " + names));
        }
        Set<String> keys = new HashSet<>();
        for (Column col : columns) {
            if (col.actionKey() != null && !keys.add(col.actionKey())) {
                errors.add(error(file, sheet, header + 2, col.index(), "DUPLICATE_ACTION",
                        "动作字段「" + col.actionKey() + "」重复出现", "action key '" + col.actionKey() + "' repeated"));
            }
        }
        return errors.size() > before ? null : columns;
    }

    private void checkCondition(String file, Sheet sheet, int header, int c, String objectType, String snippet,
                                List<TableError> errors) {
        String type = objectType.replaceFirst("^\\$\\w+\\s*:\\s*", "").trim();
        if (!FACT_TYPE.equals(type)) {
            errors.add(error(file, sheet, header + 1, c, "UNKNOWN_FACT_TYPE",
                    "条件列的对象类型「" + objectType + "」无效，应为 " + FACT_TYPE,
                    "condition object type '" + objectType + "' must be " + FACT_TYPE));
        }
        if (!snippet.contains("$param")) {
            errors.add(error(file, sheet, header + 2, c, "BAD_CONSTRAINT",
                    "条件代码「" + snippet + "」中没有 $param，单元格的值无处代入",
                    "condition snippet '" + snippet + "' has no $param"));
            return;
        }
        for (String id : SnippetAnalysis.unknownIdentifiers(snippet)) {
            errors.add(error(file, sheet, header + 2, c, "UNKNOWN_FACT",
                    "条件代码「" + snippet + "」引用了未知的事实「" + id + "」",
                    "condition snippet '" + snippet + "' refers to unknown fact '" + id + "'"));
        }
        if (!balanced(snippet)) {
            errors.add(error(file, sheet, header + 2, c, "BAD_CONSTRAINT",
                    "条件代码「" + snippet + "」的括号或引号不成对", "unbalanced brackets or quotes in '" + snippet + "'"));
        }
    }

    private List<RuleRow> readRows(Sheet sheet, Cells cells, String file, int first, List<Column> columns,
                                   List<TableError> errors) {
        int lastCol = columns.get(columns.size() - 1).index();
        List<RuleRow> rows = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        int nameCol = columns.stream().filter(c -> c.kind() == ColumnKind.NAME).findFirst().orElseThrow().index();
        for (int r = first; r <= sheet.getLastRowNum() && !cells.blankRow(sheet, r, lastCol); r++) {
            Map<Integer, String> values = new LinkedHashMap<>();
            for (Column col : columns) {
                String v = cells.text(sheet, r, col.index());
                if (!v.isEmpty()) {
                    values.put(col.index(), v);
                    checkCell(file, sheet, r, col, v, errors);
                }
            }
            if (columns.stream().noneMatch(c -> c.kind() == ColumnKind.ACTION && values.containsKey(c.index()))) {
                errors.add(error(file, sheet, r, -1, "NO_ACTION",
                        "该规则行没有填写任何动作（结论、原因等），命中后不会留下结果",
                        "the rule row sets no action, so a hit would leave no finding"));
            }
            String code = values.getOrDefault(nameCol, "");
            if (code.isEmpty()) {
                errors.add(error(file, sheet, r, nameCol, "EMPTY_RULE_CODE",
                        "规则编号为空", "rule code (NAME) is empty"));
            } else if (!codes.add(code)) {
                errors.add(error(file, sheet, r, nameCol, "DUPLICATE_RULE_CODE",
                        "规则编号「" + code + "」重复", "duplicate rule code '" + code + "'"));
            }
            rows.add(new RuleRow(r + 1, code, values));
        }
        if (rows.isEmpty()) {
            errors.add(error(file, sheet, first, -1, "NO_RULES", "规则表没有任何规则行", "the rule table has no rows"));
        }
        return rows;
    }

    private void checkCell(String file, Sheet sheet, int r, Column col, String v, List<TableError> errors) {
        if (col.kind() == ColumnKind.CONDITION) {
            switch (SnippetAnalysis.cellKind(col.snippet())) {
                case NUMBER -> {
                    if (!isNumber(v)) {
                        errors.add(error(file, sheet, r, col.index(), "NOT_A_NUMBER",
                                "「" + col.description() + "」应填数字，现为「" + v + "」",
                                "'" + v + "' is not a number"));
                    }
                }
                case BOOLEAN -> {
                    if (!v.equals("true") && !v.equals("false")) {
                        errors.add(error(file, sheet, r, col.index(), "NOT_A_BOOLEAN",
                                "「" + col.description() + "」应填 true（是）或 false（否），现为「" + v + "」",
                                "'" + v + "' is not true or false"));
                    }
                }
                case TEXT, PARAMETER -> {
                    if (v.contains("\"")) {
                        errors.add(error(file, sheet, r, col.index(), "QUOTE_IN_CELL",
                                "单元格中不要写英文双引号：「" + v + "」", "cell must not contain double quotes"));
                    }
                }
            }
        } else if (col.kind() == ColumnKind.ACTION) {
            if (v.contains("\"") || v.contains("\\")) {
                errors.add(error(file, sheet, r, col.index(), "QUOTE_IN_CELL",
                        "单元格中不要写英文双引号或反斜杠：「" + v + "」", "cell must not contain quotes or backslashes"));
            }
            if (ActionKeys.DUE_DAYS.equals(col.actionKey()) && !v.matches("\\d{1,4}")) {
                errors.add(error(file, sheet, r, col.index(), "NOT_A_NUMBER",
                        "「" + col.description() + "」应填天数（整数），现为「" + v + "」", "'" + v + "' is not a day count"));
            }
        } else if (col.kind() == ColumnKind.PRIORITY && !v.matches("-?\\d+")) {
            errors.add(error(file, sheet, r, col.index(), "NOT_A_NUMBER",
                    "优先级应填整数，现为「" + v + "」", "priority '" + v + "' is not an integer"));
        }
    }

    private static boolean isNumber(String v) {
        try {
            new BigDecimal(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean balanced(String s) {
        int depth = 0;
        boolean inString = false;
        for (char ch : s.toCharArray()) {
            if (ch == '"') {
                inString = !inString;
            } else if (!inString && ch == '(') {
                depth++;
            } else if (!inString && ch == ')') {
                depth--;
                if (depth < 0) {
                    return false;
                }
            }
        }
        return depth == 0 && !inString;
    }

    private static String mergedText(Sheet sheet, Cells cells, int row, int col) {
        String t = cells.text(sheet, row, col);
        if (!t.isEmpty()) {
            return t;
        }
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.isInRange(row, col)) {
                return cells.text(sheet, region.getFirstRow(), region.getFirstColumn());
            }
        }
        return "";
    }

    public static TableError error(String file, Sheet sheet, int zeroBasedRow, int col, String code, String zh, String en) {
        return new TableError(CellRef.of(file, sheet.getSheetName(), zeroBasedRow + 1, col), code, zh, en);
    }
}
