package cn.shoudi.rules.table;

import cn.shoudi.rules.params.Parameter;
import cn.shoudi.rules.params.ParameterSet;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles the workbooks of a policy into one KieBase through the Kie API (classic engine). Each workbook is first
 * read and checked against the exact vocabulary ({@link WorkbookReader}); Drools' own errors are mapped back to the
 * sheet, row and column they come from. Thread-safe; every call builds a new, independent {@link Policy} and leaves
 * nothing behind in the KieRepository.
 */
public final class PolicyCompiler {

    private static final Logger log = LoggerFactory.getLogger(PolicyCompiler.class);
    private static final AtomicLong BUILDS = new AtomicLong();
    /** The workbook that holds parameters shared by all tables (only a 参数 sheet). */
    public static final String PARAMETERS_FILE = "parameters.xlsx";
    private static final Pattern ERROR_POSITION = Pattern.compile("Line \\d+:(\\d+)");
    private static final Pattern RULE_START = Pattern.compile("^\\s*rule\\s+\"(.*)\"");

    /**
     * Compiles a policy.
     *
     * @param version label of the policy version, never null
     * @param sources the workbooks, never empty
     * @throws PolicyValidationException with every error found, each located to its cell
     */
    public Policy compile(String version, List<TableSource> sources) {
        long started = System.nanoTime();
        List<TableError> errors = new ArrayList<>();
        List<DecisionTable> tables = new ArrayList<>();
        WorkbookReader reader = new WorkbookReader();
        List<Parameter> shared = new ArrayList<>();
        for (TableSource src : sources) {
            if (src.fileName().equals(PARAMETERS_FILE)) {
                shared.addAll(reader.readParameters(src.fileName(), src.bytes(), errors));
                continue;
            }
            DecisionTable t = reader.read(src.fileName(), src.bytes(), errors);
            if (t != null) {
                tables.add(t);
            }
        }
        if (sources.isEmpty()) {
            errors.add(new TableError(CellRef.of("", "", 0, -1), "NO_TABLES", "策略中没有任何决策表", "no tables"));
        }
        throwIfAny(errors);
        List<Parameter> allParams = new ArrayList<>(shared);
        tables.forEach(t -> allParams.addAll(t.parameters()));
        checkOverlaps(allParams, errors);
        ParameterSet params = new ParameterSet(allParams);
        checkAcrossTables(tables, params, errors);
        throwIfAny(errors);

        Map<String, RuleInfo> rules = new HashMap<>();
        Set<String> usedParams = new LinkedHashSet<>();
        List<DecisionTable> withDrl = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            DecisionTable t = tables.get(i);
            String drl = generateDrl(t, sources.get(indexOf(sources, t.fileName())).bytes(), errors);
            if (drl == null) {
                continue;
            }
            DecisionTable full = t.withDrl(drl);
            withDrl.add(full);
            for (RuleRow row : full.rules()) {
                RuleInfo info = explain(full, row);
                usedParams.addAll(info.parameterCodes());
                rules.put(Policy.key(full.packageName(), row.code()), info);
            }
        }
        checkCoverage(withDrl, rules, params, errors);
        throwIfAny(errors);
        ReleaseId releaseId = KieServices.Factory.get().newReleaseId("cn.shoudi.policy",
                "policy-" + BUILDS.incrementAndGet(), "1.0.0");
        Map<String, KieBase> kieBases = build(releaseId, withDrl, errors);
        throwIfAny(errors);
        log.info("compiled policy {}: {} tables, {} rules in {} ms", version, withDrl.size(), rules.size(),
                (System.nanoTime() - started) / 1_000_000);
        return new Policy(version, withDrl, params, kieBases, rules, usedParams, releaseId.toExternalForm());
    }

    private static int indexOf(List<TableSource> sources, String fileName) {
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).fileName().equals(fileName)) {
                return i;
            }
        }
        throw new IllegalStateException(fileName);
    }

    private void checkAcrossTables(List<DecisionTable> tables, ParameterSet params, List<TableError> errors) {
        Map<String, DecisionTable> packages = new HashMap<>();
        Map<String, DecisionTable> codes = new HashMap<>();
        for (DecisionTable t : tables) {
            DecisionTable other = packages.putIfAbsent(t.packageName(), t);
            if (other != null) {
                errors.add(new TableError(CellRef.of(t.fileName(), t.sheet(), 0, -1), "DUPLICATE_RULESET",
                        "RuleSet「" + t.packageName() + "」与 " + other.fileName() + " 重复",
                        "RuleSet '" + t.packageName() + "' also used by " + other.fileName()));
            }
            int nameCol = t.nameColumn().index();
            for (RuleRow row : t.rules()) {
                DecisionTable dup = codes.putIfAbsent(row.code(), t);
                if (dup != null && dup != t) {
                    errors.add(new TableError(CellRef.of(t.fileName(), t.sheet(), row.excelRow(), nameCol),
                            "DUPLICATE_RULE_CODE", "规则编号「" + row.code() + "」已在 " + dup.fileName() + " 中使用",
                            "rule code '" + row.code() + "' is also used in " + dup.fileName()));
                }
                for (Column col : t.columns()) {
                    String v = row.cell(col.index());
                    if (v != null && col.kind() == ColumnKind.CONDITION
                            && SnippetAnalysis.cellKind(col.snippet()) == SnippetAnalysis.CellKind.PARAMETER
                            && !isNumber(v) && !params.codes().contains(v)) {
                        errors.add(new TableError(CellRef.of(t.fileName(), t.sheet(), row.excelRow(), col.index()),
                                "UNKNOWN_PARAMETER", "参数「" + v + "」未在任何参数表中定义",
                                "parameter '" + v + "' is not defined in any parameter sheet"));
                    }
                }
            }
            for (Column col : t.columns()) {
                for (String code : SnippetAnalysis.literalParameters(col.snippet())) {
                    if (!params.codes().contains(code)) {
                        errors.add(new TableError(CellRef.of(t.fileName(), t.sheet(), 0, col.index()),
                                "UNKNOWN_PARAMETER", "条件代码引用的参数「" + code + "」未在任何参数表中定义",
                                "snippet parameter '" + code + "' is not defined"));
                    }
                }
            }
        }
    }

    /** Rows of one parameter from different workbooks must not overlap in validity. */
    private static void checkOverlaps(List<Parameter> all, List<TableError> errors) {
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Parameter a = all.get(i);
                Parameter b = all.get(j);
                if (a.code().equals(b.code()) && !a.file().equals(b.file()) && a.overlaps(b)) {
                    errors.add(new TableError(CellRef.of(b.file(), "参数", b.row(), 2),
                            "OVERLAPPING_PARAMETER", "参数「" + b.code() + "」（" + b.origin() + "）与 " + a.origin()
                            + " 的有效期重叠", "parameter '" + b.code() + "' overlaps " + a.origin()));
                }
            }
        }
    }

    /**
     * Every parameter a table uses must have a value on every day from the table's first day up to the last day any
     * row of that parameter covers (or the table's last day): a missing year is an error naming the parameter, the
     * year and the row after the gap.
     */
    private static void checkCoverage(List<DecisionTable> tables, Map<String, RuleInfo> rules, ParameterSet params,
                                      List<TableError> errors) {
        Set<String> reported = new java.util.HashSet<>();
        for (DecisionTable t : tables) {
            Set<String> codes = new LinkedHashSet<>();
            rules.values().stream().filter(r -> r.table() == t).forEach(r -> codes.addAll(r.parameterCodes()));
            for (String code : codes) {
                List<Parameter> rows = params.rows(code).stream()
                        .sorted(java.util.Comparator.comparing(Parameter::validFrom)).toList();
                if (rows.isEmpty()) {
                    continue;
                }
                java.time.LocalDate day = t.validFrom();
                for (Parameter p : rows) {
                    if (p.validTo() != null && p.validTo().isBefore(day)) {
                        continue;
                    }
                    if (t.validTo() != null && day.isAfter(t.validTo())) {
                        break;
                    }
                    if (p.validFrom().isAfter(day) && reported.add(code + day.getYear())) {
                        errors.add(new TableError(CellRef.of(p.file(), "参数", p.row(), 2), "MISSING_PARAMETER_YEAR",
                                "参数「" + code + "」缺少 " + day + " 至 " + p.validFrom().minusDays(1) + " 的取值（"
                                        + day.getYear() + " 年），而 " + t.fileName() + " 自 " + t.validFrom()
                                        + " 起使用该参数；请补充该年度的行",
                                "parameter '" + code + "' has no value from " + day + " to "
                                        + p.validFrom().minusDays(1) + ", but " + t.fileName() + " uses it from "
                                        + t.validFrom()));
                    }
                    if (p.validTo() == null) {
                        break;
                    }
                    day = p.validTo().plusDays(1);
                }
            }
        }
    }

    private RuleInfo explain(DecisionTable t, RuleRow row) {
        Set<String> facts = new LinkedHashSet<>();
        Set<String> params = new LinkedHashSet<>();
        for (Column col : t.columns()) {
            String v = row.cell(col.index());
            if (v == null || col.kind() != ColumnKind.CONDITION) {
                continue;
            }
            facts.addAll(SnippetAnalysis.testedFacts(col.snippet()));
            params.addAll(SnippetAnalysis.literalParameters(col.snippet()));
            if (SnippetAnalysis.cellKind(col.snippet()) == SnippetAnalysis.CellKind.PARAMETER && !isNumber(v)) {
                params.add(v);
            }
        }
        return new RuleInfo(t, row, List.copyOf(facts), List.copyOf(params));
    }

    private String generateDrl(DecisionTable t, byte[] bytes, List<TableError> errors) {
        try {
            return new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), t.sheet());
        } catch (RuntimeException e) {
            errors.add(new TableError(CellRef.of(t.fileName(), t.sheet(), 0, -1), "DECISION_TABLE_PARSE",
                    "Drools 无法解析该规则工作表：" + e.getMessage(), "Drools cannot parse the rule sheet: " + e.getMessage()));
            return null;
        }
    }

    private Map<String, KieBase> build(ReleaseId releaseId, List<DecisionTable> tables, List<TableError> errors) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        KieModuleModel module = ks.newKieModuleModel();
        for (int i = 0; i < tables.size(); i++) {
            module.newKieBaseModel("table" + i).addPackage(tables.get(i).packageName());
        }
        kfs.writeKModuleXML(module.toXML());
        Map<String, DecisionTable> byPath = new LinkedHashMap<>();
        for (DecisionTable t : tables) {
            String path = "src/main/resources/" + t.packageName().replace('.', '/') + "/" + t.id() + ".drl";
            kfs.write(path, t.drl());
            byPath.put(path, t);
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
        if (!messages.isEmpty()) {
            boolean located = messages.stream().anyMatch(m -> m.getLine() > 0);
            for (Message m : messages) {
                if (!located || m.getLine() > 0) {
                    errors.add(mapError(m, byPath));
                }
            }
            ks.getRepository().removeKieModule(releaseId);
            return null;
        }
        try {
            KieContainer container = ks.newKieContainer(releaseId);
            Map<String, KieBase> bases = new LinkedHashMap<>();
            for (int i = 0; i < tables.size(); i++) {
                bases.put(tables.get(i).id(), container.getKieBase("table" + i));
            }
            return bases;
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    private TableError mapError(Message m, Map<String, DecisionTable> byPath) {
        DecisionTable t = byPath.entrySet().stream()
                .filter(e -> m.getPath() != null && e.getKey().endsWith(m.getPath()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (t == null) {
            return new TableError(CellRef.of(String.valueOf(m.getPath()), "", 0, -1), "COMPILE_ERROR",
                    "规则编译错误：" + m.getText(), "compile error: " + m.getText());
        }
        String[] lines = t.drl().split("\n", -1);
        String ruleName = null;
        for (int i = Math.min(Math.max(m.getLine(), 1), lines.length) - 1; i >= 0 && ruleName == null; i--) {
            Matcher rm = RULE_START.matcher(lines[i]);
            if (rm.find()) {
                ruleName = rm.group(1);
            }
        }
        RuleRow row = ruleName == null ? null : t.rule(ruleName).orElse(null);
        if (row == null) {
            return new TableError(CellRef.of(t.fileName(), t.sheet(), 0, -1), "COMPILE_ERROR",
                    "规则编译错误：" + m.getText(), "compile error: " + m.getText());
        }
        String errorLine = m.getLine() > 0 && m.getLine() <= lines.length ? lines[m.getLine() - 1] : "";
        Matcher pos = ERROR_POSITION.matcher(m.getText());
        int offset = pos.find() ? Integer.parseInt(pos.group(1)) : -1;
        int column = t.nameColumn().index();
        int byText = -1;
        for (Column col : t.columns()) {
            String v = row.cell(col.index());
            if (v == null || col.kind() == ColumnKind.NAME) {
                continue;
            }
            String rendered = col.snippet().replace("$param", v).trim();
            int start = rendered.isEmpty() ? -1 : errorLine.indexOf(rendered);
            if (start >= 0 && offset >= start && offset <= start + rendered.length()) {
                column = col.index();
                byText = -1;
                break;
            }
            if (byText < 0 && !rendered.isEmpty() && m.getText().contains(rendered)) {
                byText = col.index();
            }
        }
        if (byText >= 0) {
            column = byText;
        }
        String firstLine = m.getText().lines().findFirst().orElse("");
        return new TableError(CellRef.of(t.fileName(), t.sheet(), row.excelRow(), column), "COMPILE_ERROR",
                "规则「" + row.code() + "」无法编译：" + firstLine, "rule '" + row.code() + "' does not compile: " + firstLine);
    }

    private static boolean isNumber(String v) {
        try {
            new BigDecimal(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void throwIfAny(List<TableError> errors) {
        if (!errors.isEmpty()) {
            throw new PolicyValidationException(errors);
        }
    }
}
