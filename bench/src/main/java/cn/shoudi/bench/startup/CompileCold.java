package cn.shoudi.bench.startup;

import cn.shoudi.bench.Tables;
import cn.shoudi.rules.table.PolicyCompiler;
import cn.shoudi.rules.table.TableError;
import cn.shoudi.rules.table.TableSource;
import cn.shoudi.rules.table.WorkbookReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The first compilation of the shipped policy in a fresh JVM, or (the floor) the first reading of the same workbooks
 * with Apache POI ({@code WorkbookFactory}, every sheet's cells): {@code CompileCold compile|read} prints
 * {@code ms=<milliseconds>} for that step alone, after the workbooks' bytes are loaded.
 */
public final class CompileCold {

    private CompileCold() {
    }

    public static void main(String[] args) throws Exception {
        List<TableSource> shipped = Tables.shipped();
        long started = System.nanoTime();
        if (args.length > 0 && args[0].equals("compile")) {
            new PolicyCompiler().compile("cold", shipped).shutdown();
        } else {
            List<TableError> errors = new ArrayList<>();
            WorkbookReader reader = new WorkbookReader();
            for (TableSource s : shipped) {
                if (s.fileName().equals(PolicyCompiler.PARAMETERS_FILE)) {
                    reader.readParameters(s.fileName(), s.bytes(), errors);
                } else {
                    reader.read(s.fileName(), s.bytes(), errors);
                }
            }
        }
        System.out.println("ms=" + (System.nanoTime() - started) / 1_000_000);
    }

    /** Runs this class in a new JVM on the same class path; the step's milliseconds. */
    static double inFreshJvm(boolean compile) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dshoudi.tables.dir=" + System.getProperty("shoudi.tables.dir", "decision-tables"),
                "-cp", System.getProperty("java.class.path"), CompileCold.class.getName(),
                compile ? "compile" : "read").redirectErrorStream(true).start();
        double ms = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("ms=")) {
                    ms = Double.parseDouble(line.substring(3));
                }
            }
        }
        if (p.waitFor() != 0 || ms < 0) {
            throw new IllegalStateException("the cold " + (compile ? "compile" : "read") + " run failed");
        }
        return ms;
    }
}
