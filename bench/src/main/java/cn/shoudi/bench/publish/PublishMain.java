package cn.shoudi.bench.publish;

import cn.shoudi.bench.Tables;
import cn.shoudi.rules.cases.ExampleResult;
import cn.shoudi.rules.cases.ExampleRunner;
import cn.shoudi.rules.eval.Evaluator;
import cn.shoudi.rules.table.DecisionTable;
import cn.shoudi.rules.table.Policy;
import cn.shoudi.rules.table.PolicyCompiler;
import cn.shoudi.rules.table.TableAnalysis;
import cn.shoudi.rules.table.TableError;
import cn.shoudi.rules.table.TableSource;
import cn.shoudi.rules.table.WorkbookReader;
import org.drools.decisiontable.SpreadsheetCompiler;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Figure 5: publish time of policies with many rows ({@link PolicyGenerator}), beside the shipped policy measured in
 * the same JVM. The phases are those of an upload or a publication in the service ({@code PolicyValidator} then
 * {@code ActivePolicy.publish}): read and check every workbook (headers, vocabulary), generate the DRL, compile
 * (which repeats the reading and DRL generation, then builds the KieBases), run every example, analyse the tables,
 * and swap (build the {@link Evaluator} and set the atomic reference the service reads). Arguments: the total row
 * counts to measure, default {@code 500 3000}; goal: 3,000 rows ≤ 15 s in total.
 */
public final class PublishMain {

    /** Milliseconds per phase for one policy. */
    record Times(int rows, double read, double drl, double compile, double examples, double analysis, double swap,
                 double warmEvaluation, int examplesRun, int examplesFailed, int analysisErrors,
                 int analysisWarnings) {
        double total() {
            return compile + examples + analysis + swap;
        }
    }

    private static final AtomicReference<Evaluator> PUBLISHED = new AtomicReference<>();

    private PublishMain() {
    }

    public static void main(String[] args) {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Integer.parseInt(a));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(500, 3000);
        }
        List<TableSource> shipped = Tables.shipped();
        measure(shipped); // warm-up: class loading and JIT of the compiler, not reported
        List<Times> all = new ArrayList<>();
        all.add(measure(shipped));
        for (int rows : sizes) {
            all.add(measure(PolicyGenerator.grow(shipped, rows)));
        }
        print(all);
    }

    static Times measure(List<TableSource> sources) {
        int rows = PolicyGenerator.rowCount(sources);
        long t0 = System.nanoTime();
        WorkbookReader reader = new WorkbookReader();
        List<TableError> errors = new ArrayList<>();
        List<DecisionTable> read = new ArrayList<>();
        for (TableSource s : sources) {
            if (s.fileName().equals(PolicyCompiler.PARAMETERS_FILE)) {
                reader.readParameters(s.fileName(), s.bytes(), errors);
            } else {
                read.add(reader.read(s.fileName(), s.bytes(), errors));
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("generated policy does not read: " + errors);
        }
        long t1 = System.nanoTime();
        for (DecisionTable t : read) {
            TableSource s = sources.stream().filter(x -> x.fileName().equals(t.fileName())).findFirst().orElseThrow();
            new SpreadsheetCompiler().compile(new ByteArrayInputStream(s.bytes()), t.sheet());
        }
        long t2 = System.nanoTime();
        Policy policy = new PolicyCompiler().compile("bench-" + rows, sources);
        long t3 = System.nanoTime();
        Evaluator evaluator = new Evaluator(policy);
        List<ExampleResult> results = new ExampleRunner().runAll(evaluator);
        long t4 = System.nanoTime();
        Map<String, Set<String>> fired = new HashMap<>();
        results.forEach(r -> fired.computeIfAbsent(r.example().tableId(), k -> new HashSet<>()).addAll(r.actualCodes()));
        List<TableAnalysis.Result> analysis = TableAnalysis.analyse(policy, fired);
        long t5 = System.nanoTime();
        Evaluator old = PUBLISHED.getAndSet(new Evaluator(policy));
        long t6 = System.nanoTime();
        for (ExampleResult r : results) { // once more, warm and whole: what a household costs once the policy is live
            evaluator.evaluate(r.example().input(), r.example().asOf());
        }
        long t7 = System.nanoTime();
        if (old != null) {
            old.policy().shutdown();
        }
        int failed = (int) results.stream().filter(r -> !r.passed()).count();
        int analysisErrors = (int) analysis.stream().filter(TableAnalysis.Result::error).count();
        results.stream().filter(r -> !r.passed()).limit(3).forEach(r -> System.out.println("  " + r.describe()));
        analysis.stream().collect(Collectors.groupingBy(TableAnalysis.Result::code, TreeMap::new,
                Collectors.counting())).forEach((code, n) -> System.out.println("  " + rows + " rows: analysis " + code
                + " × " + n));
        return new Times(rows, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4), ms(t6 - t5),
                (t7 - t6) / 1_000d / results.size(), results.size(), failed, analysisErrors,
                analysis.size() - analysisErrors);
    }

    private static void print(List<Times> all) {
        Times base = all.get(0);
        System.out.println();
        System.out.println("Figure 5 — publish time per phase (ms); the first line is the shipped policy, measured in the"
                + " same run after one unreported warm-up");
        System.out.printf("%6s %10s %10s %10s %10s %10s %9s %10s %8s %10s   %s%n", "rows", "read+check", "drl",
                "compile", "examples", "analysis", "swap", "total", "×base", "µs/hh", "checks");
        for (Times t : all) {
            System.out.printf("%6d %10.0f %10.0f %10.0f %10.0f %10.0f %9.3f %10.0f %8.1f %10.0f   %d examples (%d"
                            + " failed), analysis %d errors / %d warnings%n", t.rows(), t.read(), t.drl(), t.compile(),
                    t.examples(), t.analysis(), t.swap(), t.total(), t.total() / base.total(), t.warmEvaluation(),
                    t.examplesRun(),
                    t.examplesFailed(), t.analysisErrors(), t.analysisWarnings());
        }
        System.out.println("compile includes read+check and drl again (PolicyCompiler does both) and the KieBase build;"
                + " total = compile + examples + analysis + swap; goal: 3,000 rows ≤ 15,000 ms; µs/hh: mean time of one"
                + " example household when the examples run a second time (warm), all tables evaluated");
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000d;
    }
}
