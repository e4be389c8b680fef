package cn.shoudi.rules;

import cn.shoudi.rules.table.PolicyCompiler;
import cn.shoudi.rules.table.PolicyValidationException;
import cn.shoudi.rules.table.TableError;
import cn.shoudi.rules.table.TableSource;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * One malformed copy of the monitoring table per error class; each must be rejected with the exact sheet, row and
 * column.
 */
class MalformedWorkbookUnitTest {

    private static final String RULES = "监测对象纳入";

    @ParameterizedTest(name = "{0}: {1}!{2} = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            UNKNOWN_HEADER      | 监测对象纳入 | D6  | CONDITON                                     | D6
            UNKNOWN_HEADER      | 监测对象纳入 | B6  | Notes                                        | B6
            UNKNOWN_KEYWORD     | 监测对象纳入 | B4  | Imports                                      | B4
            UNKNOWN_FACT        | 监测对象纳入 | D8  | perCapitaIncome <= param("$param")           | D8
            BAD_CONSTRAINT      | 监测对象纳入 | D8  | perCapitaNetIncome <= param("$param"         | D8
            COMPILE_ERROR       | 监测对象纳入 | D8  | perCapitaNetIncome <=> param("$param")       | D10
            BAD_ACTION          | 监测对象纳入 | L8  | findings.add(kcontext, "outcome", "$param"); | L8
            NOT_A_NUMBER        | 监测对象纳入 | H10 | 一                                           | H10
            NOT_A_BOOLEAN       | 监测对象纳入 | J10 | 否                                           | J10
            DUPLICATE_RULE_CODE | 监测对象纳入 | B11 | M-1                                          | B11
            UNKNOWN_PARAMETER   | 监测对象纳入 | D10 | monitoring_lin                               | D10
            NOT_A_NUMBER        | 参数         | E2  | 五千                                         | E2
            BAD_DATE            | 参数         | C3  | 2020年                                       | C3
            OVERLAPPING_PARAMETER | 参数       | D3  | 2016-06-30                                   | C4
            MISSING_PARAMETER_YEAR | 参数      | A10 | unused_param                                 | C11
            BAD_EXAMPLE         | 示例         | F3  | 很多                                         | F3
            """)
    void rejectsEachErrorClassAtItsCell(String code, String sheet, String cell, String text, String reported) {
        String file = sheet.equals("参数") ? "parameters.xlsx" : "monitoring.xlsx";
        List<TableSource> sources = PolicyFixtures.shippedSources().stream()
                .map(s -> s.fileName().equals(file) ? new TableSource(file, WorkbookEdits.set(s.bytes(), sheet, cell, text)) : s)
                .toList();

        PolicyValidationException e = catchThrowableOfType(PolicyValidationException.class,
                () -> new PolicyCompiler().compile("broken", sources));

        assertThat(e).as("the malformed workbook must be rejected").isNotNull();
        TableError first = e.errors().stream().filter(err -> err.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " among " + e.errors()));
        assertThat(first.at().file()).isEqualTo(file);
        assertThat(first.at().sheet()).isEqualTo(sheet);
        assertThat(first.at().a1()).isEqualTo(reported);
        assertThat(first.messageZh()).isNotBlank();
        assertThat(first.toString()).contains("工作表「" + sheet + "」").contains("cell " + reported);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"empty", "pdf", "zip-without-workbook", "old-xls"})
    void aFileThatIsNotAWorkbookIsRefusedInWordsStaffCanActOnWithoutTheLibrarysText(String kind) throws IOException {
        byte[] bytes = switch (kind) {
            case "empty" -> new byte[0];
            case "pdf" -> "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.US_ASCII);
            case "zip-without-workbook" -> new byte[]{'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
            default -> oldExcel();
        };
        List<TableSource> sources = PolicyFixtures.shippedSources().stream()
                .map(s -> s.fileName().equals("monitoring.xlsx") ? new TableSource("monitoring.xlsx", bytes) : s)
                .toList();

        PolicyValidationException e = catchThrowableOfType(PolicyValidationException.class,
                () -> new PolicyCompiler().compile("broken", sources));

        assertThat(e).as("a file that is not a workbook must be rejected").isNotNull();
        assertThat(e.errors()).isNotEmpty().allSatisfy(error -> assertThat(error.toString())
                .doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("bugzilla")
                .doesNotContain("org.apache").doesNotContain("poi").doesNotContain("OLE2").doesNotContain("zip"));
        if (kind.equals("old-xls")) {
            return; // POI opens the old binary format too: it is read, and refused for what its sheets lack
        }
        TableError error = e.errors().get(0);
        assertThat(error.code()).isEqualTo("NOT_A_WORKBOOK");
        assertThat(error.at().file()).isEqualTo("monitoring.xlsx");
        assertThat(error.messageZh()).matches(".*[\\u4e00-\\u9fa5].*").contains("事件编号");
        if (kind.equals("empty")) {
            assertThat(error.messageZh()).contains("文件是空的");
        }
    }

    private static byte[] oldExcel() throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("监测对象纳入").createRow(0).createCell(0).setCellValue("RuleSet");
            wb.write(out);
            return out.toByteArray();
        }
    }
}
