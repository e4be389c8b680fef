package cn.shoudi.rules;

import cn.shoudi.rules.table.Policy;
import cn.shoudi.rules.table.PolicyCompiler;
import cn.shoudi.rules.table.TableSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shipped decision tables, compiled once per test JVM. */
public final class PolicyFixtures {

    private static Policy shipped;

    private PolicyFixtures() {
    }

    /** The project's decision-tables folder. */
    public static Path tablesDir() {
        String prop = System.getProperty("shoudi.tables.dir");
        Path dir = prop != null ? Path.of(prop) : Path.of("..", "decision-tables");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("decision-tables");
        }
        return dir.toAbsolutePath().normalize();
    }

    public static List<TableSource> shippedSources() {
        return TableSource.folder(tablesDir());
    }

    public static synchronized Policy shippedPolicy() {
        if (shipped == null) {
            shipped = new PolicyCompiler().compile("test", shippedSources());
        }
        return shipped;
    }
}
