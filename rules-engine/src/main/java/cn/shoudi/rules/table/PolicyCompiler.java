package cn.shoudi.rules.table;

import cn.shoudi.rules.params.Parameter;
import cn.shoudi.rules.params.ParameterSet;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderErrors;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles the workbooks of a policy into one KieBase through the Kie knowledge builder (classic engine), each table in
 * a package of its own. Each workbook is read once and checked against the exact vocabulary ({@link WorkbookReader}), which also has Drools
 * generate the table's DRL; the DRL is built in {@link CompiledForm} (actions as data, literal numbers, shared
 * conditions first). Drools' own errors are mapped back to the sheet, row and column they come from. Workbooks are read
 * and tables built in parallel on the available cores. Thread-safe; every call builds a new, independent
 * {@link Policy}; nothing is registered in the KieRepository.
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
        if (sources.isEmpty()) {
            errors.add(new TableError(CellRef.of("", "", 0, -1), "NO_TABLES", "策略中没有任何决策表", "no tables"));
        }
        throwIfAny(errors);
        // each workbook is parsed once (rule sheet, DRL, parameters, examples); workbooks in parallel
        List<Read> read = inParallel(sources, PolicyCompiler::read);
        List<DecisionTable> tables = new ArrayList<>();
        List<Parameter> shared = new ArrayList<>();
        for (Read r : read) {
            errors.addAll(r.errors());
            shared.addAll(r.parameters());
            if (r.table() != null) {
                tables.add(r.table());
            }
        }
        throwIfAny(errors);
        long readAt = System.nanoTime();
        List<Parameter> allParams = new ArrayList<>(shared);
        tables.forEach(t -> allParams.addAll(t.parameters()));
        checkOverlaps(allParams, errors);
        ParameterSet params = new ParameterSet(allParams);
        checkAcrossTables(tables, params, errors);
        throwIfAny(errors);

        Map<String, RuleInfo> explained = new HashMap<>();
        for (DecisionTable t : tables) {
            for (RuleRow row : t.rules()) {
                explained.put(Policy.key(t.packageName(), row.code()), explain(t, row, null));
            }
        }
        checkCoverage(tables, explained, params, errors);
        throwIfAny(errors);

        List<Built> built = inParallel(tables, PolicyCompiler::build);
        Map<String, RuleInfo> rules = new HashMap<>();
        Set<String> usedParams = new LinkedHashSet<>();
        List<KiePackage> packages = new ArrayList<>();
        for (Built b : built) {
            errors.addAll(b.errors());
            if (b.packages() == null) {
                continue;
            }
            packages.addAll(b.packages());
            for (RuleRow row : b.table().rules()) {
                RuleInfo info = explained.get(Policy.key(b.table().packageName(), row.code()));
                usedParams.addAll(info.parameterCodes());
                rules.put(Policy.key(b.table().packageName(), row.code()), new RuleInfo(info.table(), row,
                        info.testedFacts(), info.parameterCodes(), b.actions().get(row.code())));
            }
        }
        throwIfAny(errors);
        // one KieBase for all tables: a household is inserted once and every table's rows are matched in one session
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(packages);
        log.info("compiled policy {}: {} tables, {} rules in {} ms (reading {} ms)", version, tables.size(),
                rules.size(), (System.nanoTime() - started) / 1_000_000, (readAt - started) / 1_000_000);
        return new Policy(version, tables, params, base, rules, usedParams);
    }

    /** One workbook as read: a decision table (null for the parameters workbook or on errors), or parameters. */
    private record Read(DecisionTable table, List<Parameter> parameters, List<TableError> errors) {
    }

    private static Read read(TableSource src) {
        List<TableError> errors = new ArrayList<>();
        WorkbookReader reader = new WorkbookReader();
        if (src.fileName().equals(PARAMETERS_FILE)) {
            return new Read(null, reader.readParameters(src.fileName(), src.bytes(), errors), errors);
        }
        return new Read(reader.read(src.fileName(), src.bytes(), errors), List.of(), errors);
    }

    /**
     * Runs a step for each item on the available cores, keeping the items' order. The steps are independent (one
     * workbook, one table's packages); a failure is rethrown as it is.
     */
    private static <T, R> List<R> inParallel(List<T> items, Function<T, R> step) {
        int threads = Math.min(items.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            return items.stream().map(step).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "policy-compiler-" + BUILDS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> step.apply(item)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("policy compilation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
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
        Set<String> reported = new HashSet<>();
        for (DecisionTable t : tables) {
            Set<String> codes = new LinkedHashSet<>();
            rules.values().stream().filter(r -> r.table() == t).forEach(r -> codes.addAll(r.parameterCodes()));
            for (String code : codes) {
                List<Parameter> rows = params.rows(code).stream()
                        .sorted(Comparator.comparing(Parameter::validFrom)).toList();
                if (rows.isEmpty()) {
                    continue;
                }
                LocalDate day = t.validFrom();
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

    private static RuleInfo explain(DecisionTable t, RuleRow row, Map<String, String> actions) {
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
        return new RuleInfo(t, row, List.copyOf(facts), List.copyOf(params), actions);
    }

    /** One table's compiled packages (null on errors), with the action values of the rules whose consequence became data. */
    private record Built(DecisionTable table, Collection<KiePackage> packages, Map<String, Map<String, String>> actions,
                         List<TableError> errors) {
    }

    /**
     * Compiles one table's packages from its DRL in {@link CompiledForm}. When that does not compile, the DRL text as
     * Drools generated it is compiled instead, so that each error is located in the text the table produced.
     */
    private static Built build(DecisionTable table) {
        Optional<CompiledForm.Result> form = CompiledForm.of(table.drl(), table.validFrom(), table.validTo());
        if (form.isPresent()) {
            KnowledgeBuilderImpl builder = (KnowledgeBuilderImpl) KnowledgeBuilderFactory.newKnowledgeBuilder();
            builder.addPackage(form.get().descr());
            if (!builder.hasErrors()) {
                return new Built(table, builder.getKnowledgePackages(), form.get().actions(), List.of());
            }
            Optional<PackageDescr> asGenerated = CompiledForm.guarded(table.drl(), table.validFrom(), table.validTo());
            if (asGenerated.isPresent()) {
                KnowledgeBuilderImpl plain = (KnowledgeBuilderImpl) KnowledgeBuilderFactory.newKnowledgeBuilder();
                plain.addPackage(asGenerated.get());
                if (!plain.hasErrors()) {
                    return new Built(table, plain.getKnowledgePackages(), Map.of(), List.of());
                }
            }
        }
        // not compilable: the DRL text as Drools generated it, for errors located in it
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(table.drl().getBytes(StandardCharsets.UTF_8)),
                ResourceType.DRL);
        List<TableError> errors = new ArrayList<>();
        if (!builder.hasErrors()) { // compiles only without the in-force guard: never seen, but never published either
            errors.add(new TableError(CellRef.of(table.fileName(), table.sheet(), 0, -1), "COMPILE_FAILED",
                    "决策表无法编译，请检查条件单元格", "the table compiles only as generated, not in its compiled form"));
            return new Built(table, null, Map.of(), errors);
        }
        KnowledgeBuilderErrors found = builder.getErrors();
        boolean located = found.stream().anyMatch(e -> e.getLines().length > 0 && e.getLines()[0] > 0);
        for (KnowledgeBuilderError e : found) {
            int line = e.getLines().length > 0 ? e.getLines()[0] : 0;
            if (!located || line > 0) {
                errors.add(mapError(table, line, e.getMessage()));
            }
        }
        return new Built(table, null, Map.of(), errors);
    }

    private static TableError mapError(DecisionTable t, int errorLineNumber, String text) {
        String[] lines = t.drl().split("\n", -1);
        String ruleName = null;
        for (int i = Math.min(Math.max(errorLineNumber, 1), lines.length) - 1; i >= 0 && ruleName == null; i--) {
            Matcher rm = RULE_START.matcher(lines[i]);
            if (rm.find()) {
                ruleName = rm.group(1);
            }
        }
        RuleRow row = ruleName == null ? null : t.rule(ruleName).orElse(null);
        if (row == null) {
            return new TableError(CellRef.of(t.fileName(), t.sheet(), 0, -1), "COMPILE_ERROR",
                    "规则编译错误：" + text, "compile error: " + text);
        }
        String errorLine = errorLineNumber > 0 && errorLineNumber <= lines.length ? lines[errorLineNumber - 1] : "";
        Matcher pos = ERROR_POSITION.matcher(text);
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
            if (byText < 0 && !rendered.isEmpty() && text.contains(rendered)) {
                byText = col.index();
            }
        }
        if (byText >= 0) {
            column = byText;
        }
        String firstLine = text.lines().findFirst().orElse("");
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
