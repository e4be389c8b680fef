package cn.shoudi.policy;

import cn.shoudi.assessment.ActivePolicy;
import cn.shoudi.rules.facts.HouseholdClass;
import cn.shoudi.rules.facts.HouseholdInput;
import cn.shoudi.rules.facts.MemberInput;
import cn.shoudi.rules.table.TableSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** One malformed upload per error class: rejected at its exact cell, and the published policy decides as before. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2022-06-30",
        "shoudi.monitoring.escalation-initial-delay=PT1H", "shoudi.policy.sync-interval=PT1H"})
class PolicyUploadRejectionIntegrationTest {

    @Autowired
    PolicyService policies;
    @Autowired
    ActivePolicy active;

    private static final HouseholdInput PROBE = new HouseholdInput("probe", HouseholdClass.EXITED,
            List.of(new MemberInput("冉德才", null, "男", LocalDate.of(1965, 4, 12), "户主"),
                    new MemberInput("何秀英", null, "女", LocalDate.of(1967, 8, 23), "配偶")),
            BigDecimal.valueOf(11000), BigDecimal.ZERO, BigDecimal.valueOf(11000), Set.of("因病"), false, false);

    private static byte[] edit(byte[] xlsx, String sheetName, String a1, String text) throws Exception {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet(sheetName);
            CellReference ref = new CellReference(a1);
            Row row = sheet.getRow(ref.getRow());
            Cell cell = row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
            cell.setCellValue(text);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    @ParameterizedTest(name = "{0}: {1} {2}!{3}")
    @CsvSource(delimiter = '|', textBlock = """
            UNKNOWN_HEADER         | monitoring.xlsx | 监测对象纳入 | D6  | CONDITON                                     | D6
            COMPILE_ERROR          | monitoring.xlsx | 监测对象纳入 | D8  | perCapitaNetIncome <=> param("$param")       | D10
            BAD_ACTION             | monitoring.xlsx | 监测对象纳入 | L8  | findings.add(kcontext, "outcome", "$param"); | L8
            NOT_A_NUMBER           | monitoring.xlsx | 监测对象纳入 | H10 | 一                                           | H10
            DUPLICATE_RULE_CODE    | monitoring.xlsx | 监测对象纳入 | B11 | M-1                                          | B11
            MISSING_PARAMETER_YEAR | parameters.xlsx | 参数         | A10 | unused_param                                 | C11
            ROW_NEVER_FIRES        | monitoring.xlsx | 监测对象纳入 | E10 | monitoring_line                              | B10
            """)
    void aMalformedUploadIsRejectedAtItsCellAndChangesNothing(String code, String file, String sheet, String cell,
                                                              String text, String reported) throws Exception {
        String published = active.version();
        String before = active.evaluator().evaluate(PROBE, LocalDate.of(2022, 6, 30)).decision("monitoring").outcome();
        byte[] original = active.shipped().stream().filter(s -> s.fileName().equals(file)).findFirst().orElseThrow()
                .bytes();

        PolicyService.VersionView v = policies.uploadTable(new TableSource(file, edit(original, sheet, cell, text)),
                "错误示例", "zhang.zc");

        assertThat(v.status()).isEqualTo("REJECTED");
        List<Map<String, Object>> errors = (List<Map<String, Object>>) ((Map<String, Object>) v.validation())
                .get("errors");
        assertThat(errors).anySatisfy(e -> assertThat(e).containsEntry("code", code).containsEntry("file", file)
                .containsEntry("sheet", sheet).containsEntry("cell", reported));
        assertThat(errors).allSatisfy(e -> assertThat((String) e.get("message")).contains("工作簿"));
        assertThat(active.version()).isEqualTo(published);
        assertThat(active.evaluator().evaluate(PROBE, LocalDate.of(2022, 6, 30)).decision("monitoring").outcome())
                .isEqualTo(before).isEqualTo("脱贫不稳定户");
    }

    @ParameterizedTest(name = "{0} renamed")
    @CsvSource(textBlock = """
            A45, notice_days_registration
            A48, monitoring_decision_max_days
            A50, step_days_verify
            """)
    void aPolicyLackingAParameterTheProceduresReadIsRejectedNamingItAndTheParameterSheet(String cell, String code)
            throws Exception {
        String published = active.version();
        byte[] original = active.shipped().stream().filter(s -> s.fileName().equals("parameters.xlsx")).findFirst()
                .orElseThrow().bytes();

        PolicyService.VersionView v = policies.uploadTable(new TableSource("parameters.xlsx",
                edit(original, "参数", cell, code + "_old")), "缺少程序参数", "zhang.zc");

        assertThat(v.status()).isEqualTo("REJECTED");
        List<Map<String, Object>> errors = (List<Map<String, Object>>) ((Map<String, Object>) v.validation())
                .get("errors");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("code", "MISSING_REQUIRED_PARAMETER").containsEntry("file", "parameters.xlsx")
                    .containsEntry("sheet", "参数");
            assertThat((String) e.get("message")).contains("工作簿 parameters.xlsx，工作表「参数」")
                    .contains("缺少参数「" + code + "」").contains("请在「参数」表中补充");
        });
        assertThat(active.version()).isEqualTo(published);
    }
}
