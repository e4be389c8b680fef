package cn.shoudi.rules;

import cn.shoudi.rules.table.TableSource;
import cn.shoudi.rules.table.WorkbookDump;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each workbook in decision-tables/ has a committed text form beside it (x.xlsx → x.xlsx.txt) so reviewers can read a
 * change to a table in a diff. Regenerate with
 * {@code java -jar rules-engine/target/rules-engine.jar dump decision-tables/x.xlsx > decision-tables/x.xlsx.txt}.
 */
class TableTextFormUnitTest {

    @TestFactory
    Stream<DynamicTest> theCommittedTextFormOfEveryTableIsUpToDate() {
        return PolicyFixtures.shippedSources().stream().map(src -> DynamicTest.dynamicTest(src.fileName(), () -> {
            Path text = PolicyFixtures.tablesDir().resolve(src.fileName() + ".txt");
            assertThat(text).as("text form of " + src.fileName()).exists();
            assertThat(Files.readString(text, StandardCharsets.UTF_8))
                    .as(text + " is out of date; regenerate it with the dump command")
                    .isEqualTo(WorkbookDump.toText(src.fileName(), src.bytes()));
        }));
    }
}
