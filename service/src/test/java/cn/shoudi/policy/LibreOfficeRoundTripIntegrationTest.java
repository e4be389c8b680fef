package cn.shoudi.policy;

import cn.shoudi.assessment.ActivePolicy;
import cn.shoudi.rules.table.TableSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tables re-saved by LibreOffice (headless Calc, as policy staff on WPS/LibreOffice desktops would) upload and validate
 * exactly like the originals. Needs Debian's libreoffice-calc-nogui (installed by .ci/run); skipped without it.
 */
@SpringBootTest(properties = {"shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31",
        "shoudi.policy.sync-interval=PT1H", "shoudi.monitoring.escalation-initial-delay=PT1H"})
class LibreOfficeRoundTripIntegrationTest {

    @Autowired
    PolicyService policies;
    @Autowired
    ActivePolicy active;

    private static String soffice() {
        for (String candidate : List.of("/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice")) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    void tablesReSavedByLibreOfficeValidateExactlyLikeTheOriginals() throws Exception {
        String soffice = soffice();
        // under CI a missing LibreOffice is a failure, never a skip
        assertThat(soffice != null || System.getenv("CI") == null).as("LibreOffice must be installed under CI").isTrue();
        assumeTrue(soffice != null, "LibreOffice is not installed (apt-get install libreoffice-calc-nogui)");
        Path work = Files.createTempDirectory("lo-roundtrip");
        Path in = Files.createDirectories(work.resolve("in"));
        Path out = work.resolve("out");
        List<TableSource> originals = active.shipped();
        List<String> cmd = new ArrayList<>(List.of(soffice, "--headless", "--norestore",
                "-env:UserInstallation=" + work.resolve("profile").toUri(), "--convert-to", "xlsx", "--outdir",
                out.toString()));
        for (TableSource s : originals) {
            Files.write(in.resolve(s.fileName()), s.bytes());
            cmd.add(in.resolve(s.fileName()).toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("log").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("LibreOffice finished").isTrue();
        List<TableSource> converted = new ArrayList<>();
        for (TableSource s : originals) {
            byte[] bytes = Files.readAllBytes(out.resolve(s.fileName()));
            assertThat(bytes).as("LibreOffice wrote different bytes for " + s.fileName()).isNotEqualTo(s.bytes());
            converted.add(new TableSource(s.fileName(), bytes));
        }

        PolicyService.VersionView original = policies.uploadSet(originals, "原件", "lo.test");
        PolicyService.VersionView resaved = policies.uploadSet(converted, "LibreOffice 另存", "lo.test");

        assertThat(resaved.status()).isEqualTo("DRAFT");
        Map<String, Object> a = (Map<String, Object>) original.validation();
        Map<String, Object> b = (Map<String, Object>) resaved.validation();
        assertThat(b.get("valid")).isEqualTo(true);
        assertThat(b.get("tables")).isEqualTo(a.get("tables"));
        assertThat(b.get("errors")).isEqualTo(a.get("errors"));
        assertThat(b.get("failures")).isEqualTo(a.get("failures"));
        assertThat(PolicyDiff.between(policies.sources(policies.find(original.id())),
                policies.sources(policies.find(resaved.id()))))
                .allSatisfy(f -> assertThat(f.cells()).as(f.file() + " cells").isEmpty());
    }
}
