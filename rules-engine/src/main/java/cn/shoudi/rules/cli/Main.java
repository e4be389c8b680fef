package cn.shoudi.rules.cli;

import cn.shoudi.rules.cases.ExampleResult;
import cn.shoudi.rules.cases.ExampleRunner;
import cn.shoudi.rules.eval.Evaluator;
import cn.shoudi.rules.table.DecisionTable;
import cn.shoudi.rules.table.Policy;
import cn.shoudi.rules.table.PolicyCompiler;
import cn.shoudi.rules.table.PolicyValidationException;
import cn.shoudi.rules.table.TableAnalysis;
import cn.shoudi.rules.table.TableError;
import cn.shoudi.rules.table.TableSource;
import cn.shoudi.rules.table.WorkbookDump;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Offline tool for policy staff and reviewers:
 * {@code check <folder>} compiles every table, runs every example and exits non-zero on any failure;
 * {@code dump <file.xlsx>} prints a workbook as text so that a change to a table can be read in a diff.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.length != 2 || !(args[0].equals("check") || args[0].equals("dump"))) {
            out.println("usage: java -jar rules-engine.jar check <decision-tables folder>");
            out.println("       java -jar rules-engine.jar dump <table.xlsx>");
            System.exit(2);
        }
        Path path = Path.of(args[1]);
        int status = args[0].equals("check") ? check(path, out) : dump(path, out);
        System.exit(status);
    }

    static int dump(Path file, PrintStream out) throws Exception {
        out.print(WorkbookDump.toText(file.getFileName().toString(), Files.readAllBytes(file)));
        return 0;
    }

    /** Compiles and checks a folder; returns the exit status. */
    static int check(Path dir, PrintStream out) {
        List<TableSource> sources = TableSource.folder(dir);
        if (sources.isEmpty()) {
            out.println("没有找到决策表 / no *.xlsx in " + dir.toAbsolutePath());
            return 1;
        }
        Policy policy;
        try {
            policy = new PolicyCompiler().compile("check", sources);
        } catch (PolicyValidationException e) {
            out.println("决策表有 " + e.errors().size() + " 处错误 / " + e.errors().size() + " errors:");
            for (TableError err : e.errors()) {
                out.println("  " + err);
            }
            return 1;
        }
        List<ExampleResult> results = new ExampleRunner().runAll(new Evaluator(policy));
        int failed = 0;
        for (DecisionTable t : policy.tables()) {
            List<ExampleResult> mine = results.stream().filter(r -> r.example().tableId().equals(t.id())).toList();
            long ok = mine.stream().filter(ExampleResult::passed).count();
            out.printf("%-22s %s: %d rules, %d examples, %d passed, %d failed%n", t.fileName(), t.title(),
                    t.rules().size(), mine.size(), ok, mine.size() - ok);
            for (ExampleResult r : mine) {
                if (!r.passed()) {
                    out.println("  " + r.describe());
                    failed++;
                }
            }
        }
        java.util.Map<String, java.util.Set<String>> fired = new java.util.HashMap<>();
        results.forEach(r -> fired.computeIfAbsent(r.example().tableId(), k -> new java.util.HashSet<>())
                .addAll(r.actualCodes()));
        int analysisErrors = 0;
        for (TableAnalysis.Result r : TableAnalysis.analyse(policy, fired)) {
            out.println("  " + (r.error() ? "错误" : "提示") + " " + r.at().describeZh() + "：" + r.messageZh());
            analysisErrors += r.error() ? 1 : 0;
        }
        boolean ok = failed == 0 && analysisErrors == 0;
        out.println(ok ? "OK" : "FAILED: " + failed + " examples, " + analysisErrors + " analysis errors");
        return ok ? 0 : 1;
    }
}
