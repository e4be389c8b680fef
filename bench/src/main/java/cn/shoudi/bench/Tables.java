package cn.shoudi.bench;

import cn.shoudi.rules.table.Policy;
import cn.shoudi.rules.table.PolicyCompiler;
import cn.shoudi.rules.table.TableSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Where the shipped decision tables are, and policies compiled from all or some of them. */
public final class Tables {

    /** The system property naming the decision-tables folder; Maven sets it for tests and benchmarks. */
    public static final String DIR_PROPERTY = "shoudi.tables.dir";

    private Tables() {
    }

    /** The project's decision-tables folder: {@value #DIR_PROPERTY}, else ../decision-tables or decision-tables. */
    public static Path dir() {
        String prop = System.getProperty(DIR_PROPERTY);
        Path dir = prop != null ? Path.of(prop) : Path.of("..", "decision-tables");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("decision-tables");
        }
        return dir.toAbsolutePath().normalize();
    }

    /** Every workbook of the shipped policy. */
    public static List<TableSource> shipped() {
        return TableSource.folder(dir());
    }

    /** The shipped workbooks with the given file names only (e.g. identification.xlsx, parameters.xlsx). */
    public static List<TableSource> shipped(Set<String> fileNames) {
        List<TableSource> chosen = shipped().stream().filter(s -> fileNames.contains(s.fileName())).toList();
        if (chosen.size() != fileNames.size()) {
            throw new IllegalStateException("missing some of " + fileNames + " in " + dir());
        }
        return chosen;
    }

    /** Compiles the full shipped policy. */
    public static Policy compileShipped() {
        return new PolicyCompiler().compile("shipped", shipped());
    }
}
