package cn.shoudi.rules.cli;

import cn.shoudi.rules.PolicyFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline {@code check} command on a copy of the shipped decision tables. */
class CheckCommandUnitTest {

    @Test
    void theShippedTablesPassTheCheckIncludingTheReachabilityGate(@TempDir Path dir) throws IOException {
        try (Stream<Path> files = Files.list(PolicyFixtures.tablesDir())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xlsx")).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int status = Main.check(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(status).as(out).isZero();
        assertThat(out).contains("OK").doesNotContain("没有数据来源");
    }
}
