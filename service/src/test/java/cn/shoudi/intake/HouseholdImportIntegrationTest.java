package cn.shoudi.intake;

import cn.shoudi.ApiClient;
import cn.shoudi.TestTownship;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import cn.shoudi.TestCleanup;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk import: validate everything first, two modes, idempotent re-import, GBK CSV and XLSX give the same households. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31",
        "shoudi.monitoring.escalation-initial-delay=PT1H"})
class HouseholdImportIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** The columns of an older export: basics and a few facts; every other fact column is absent. */
    static final List<String> HEADERS = List.of("户编号", "行政村编码", "村民小组", "户类型", "家庭纯收入", "刚性支出", "上年纯收入",
            "风险类型", "能否自身应对", "三保障或饮水问题", "房屋安全等级", "主要致贫原因", "姓名", "身份证号", "性别", "出生日期",
            "与户主关系", "健康状况", "就学情况", "基本医保", "劳动能力");

    ApiClient api;
    TestTownship town;
    String villageCode;
    String prefix;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port, jdbc);
        town = new TestTownship(api);
        villageCode = town.villageCode;
        prefix = "M" + (System.nanoTime() % 100_000_000L);
    }

    private List<List<String>> rows(boolean withBad) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(prefix + "01", villageCode, "1组", "脱贫户", "11000", "0", "11000", "因病", "否", "否", "B", "因病",
                "冉德才", SignalIntakeIntegrationTest.freshId(), "男", "", "户主", "大病", "非在校", "是", "弱劳动力"));
        rows.add(List.of(prefix + "01", villageCode, "1组", "脱贫户", "11000", "0", "11000", "因病", "否", "否", "B", "因病",
                "何秀英", "", "女", "1967-08-23", "配偶", "健康", "非在校", "是", "普通劳动力"));
        rows.add(List.of(prefix + "02", villageCode, "1组", "一般农户", "60000", "0", "58000", "", "是", "否", "A", "",
                "张建国", "", "男", "1978-02-03", "户主", "健康", "非在校", "是", "普通劳动力"));
        if (withBad) {
            rows.add(List.of(prefix + "03", villageCode, "1组", "一般农户", "三万", "0", "30000", "", "是", "否", "A", "",
                    "王小红", "500243199001010012", "女", "1990-01-01", "户主", "健康", "非在校", "是", "普通劳动力"));
        }
        // fill the head's birth date from the generated ID number
        List<String> head = new ArrayList<>(rows.get(0));
        String id = head.get(13);
        head.set(15, id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
        rows.set(0, head);
        return rows;
    }

    private static byte[] xlsx(List<List<String>> rows) throws Exception {
        return xlsx(HEADERS, rows);
    }

    private static byte[] xlsx(List<String> headers, List<List<String>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("户籍导出");
            Row h = s.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                h.createCell(c).setCellValue(headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] gbkCsv(List<List<String>> rows) {
        StringBuilder sb = new StringBuilder(String.join(",", HEADERS)).append("\r\n");
        for (List<String> r : rows) {
            sb.append(r.stream().map(v -> v.contains(",") ? "\"" + v + "\"" : v).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return sb.toString().getBytes(Charset.forName("GBK"));
    }

    private Map<String, Object> upload(String name, byte[] bytes, String mode) {
        Map<String, Object> report = api.upload("/api/imports/households", name, bytes, "mode", mode);
        api.awaitOutboxDrained();
        return report;
    }

    private long households() {
        return jdbc.sql("SELECT COUNT(*) FROM registry_household WHERE household_no LIKE ?").param(prefix + "%")
                .query(Long.class).single();
    }

    @Test
    void allOrNothingWritesNoneAndValidOnlyWritesExactlyTheGoodHouseholdsReportingEachBadCell() throws Exception {
        byte[] file = xlsx(rows(true));
        Map<String, Object> none = upload("户籍.xlsx", file, "ALL_OR_NOTHING");
        assertThat(none).containsEntry("written", false).containsEntry("rejected", 1).containsEntry("created", 0);
        assertThat(households()).isZero();

        Map<String, Object> some = upload("户籍.xlsx", file, "VALID_ONLY");
        assertThat(some).containsEntry("written", true).containsEntry("created", 2).containsEntry("rejected", 1);
        assertThat(households()).isEqualTo(2);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) some.get("errors");
        assertThat(errors).singleElement().satisfies(e -> assertThat(e).containsEntry("row", 5)
                .containsEntry("column", "E").containsEntry("header", "家庭纯收入"));

        // the same file again: nothing changes
        long versions = jdbc.sql("SELECT SUM(version) FROM registry_household WHERE household_no LIKE ?")
                .param(prefix + "%").query(Long.class).single();
        Map<String, Object> again = upload("户籍.xlsx", file, "VALID_ONLY");
        assertThat(again).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 2);
        assertThat(jdbc.sql("SELECT SUM(version) FROM registry_household WHERE household_no LIKE ?")
                .param(prefix + "%").query(Long.class).single()).isEqualTo(versions);
    }

    @Test
    void aGbkCsvAndAnXlsxOfTheSameDataImportToIdenticalHouseholdsAndAChangedRowUpdatesItsHousehold() throws Exception {
        List<List<String>> data = rows(false);
        Map<String, Object> fromXlsx = upload("户籍.xlsx", xlsx(data), "ALL_OR_NOTHING");
        assertThat(fromXlsx).containsEntry("created", 2).containsEntry("written", true);

        Map<String, Object> fromCsv = upload("户籍.csv", gbkCsv(data), "ALL_OR_NOTHING");
        assertThat(fromCsv).containsEntry("encoding", "GBK").containsEntry("unchanged", 2).containsEntry("created", 0)
                .containsEntry("updated", 0);

        List<List<String>> changed = new ArrayList<>(data);
        List<String> row = new ArrayList<>(changed.get(2));
        row.set(4, "61000");
        changed.set(2, row);
        Map<String, Object> update = upload("户籍.csv", gbkCsv(changed), "ALL_OR_NOTHING");
        assertThat(update).containsEntry("updated", 1).containsEntry("unchanged", 1);
        assertThat(jdbc.sql("SELECT net_income FROM registry_household WHERE household_no = ?").param(prefix + "02")
                .query(BigDecimal.class).single()).isEqualByComparingTo("61000");
    }

    @Test
    void aFileWithoutTheFactColumnsKeepsTheStoredFactsAndTheClearMarkerClearsOne() throws Exception {
        List<List<String>> data = rows(false);
        assertThat(upload("户籍.xlsx", xlsx(data), "ALL_OR_NOTHING")).containsEntry("created", 2);
        long id = jdbc.sql("SELECT id FROM registry_household WHERE household_no = ?").param(prefix + "01")
                .query(Long.class).single();
        Map<String, Object> stored = api.get("/api/households/" + id);
        api.patch("/api/households/" + id + "/facts", Map.of("group", "七不进情形", "values",
                Map.of("vehicleValue", 30000, "awayMonths", 18, "townPropertyOrShop", true)));
        api.patch("/api/households/" + id + "/facts", Map.of("group", "饮水", "values",
                Map.of("waterPiped", false, "fetchMinutes", 35)));
        Map<String, Object> withFacts = api.get("/api/households/" + id);
        assertThat((Map<String, Object>) withFacts.get("facts")).containsEntry("awayMonths", 18)
                .containsEntry("fetchMinutes", 35).hasSize(5);

        // the same old-layout file again: the facts it has no column for are kept, nothing changes
        Map<String, Object> again = upload("户籍.xlsx", xlsx(data), "ALL_OR_NOTHING");
        assertThat(again).containsEntry("unchanged", 2).containsEntry("updated", 0);
        assertThat(api.get("/api/households/" + id).get("facts")).isEqualTo(withFacts.get("facts"));
        assertThat(api.get("/api/households/" + id).get("version")).isEqualTo(withFacts.get("version"));

        // a file with one fact column: a blank cell keeps, the clear marker clears, a value sets
        List<String> headers = new ArrayList<>(HEADERS);
        headers.add("享受型车辆价值");
        headers.add("全家外出月数");
        List<List<String>> withColumns = new ArrayList<>();
        for (List<String> r : data) {
            List<String> row = new ArrayList<>(r);
            boolean first = r.get(0).equals(prefix + "01");
            row.add(first ? "（清空）" : "");
            row.add(first ? "" : "0");
            withColumns.add(row);
        }
        Map<String, Object> cleared = upload("户籍.xlsx", xlsx(headers, withColumns), "ALL_OR_NOTHING");
        assertThat(cleared).containsEntry("updated", 2).containsEntry("written", true);
        Map<String, Object> facts = (Map<String, Object>) api.get("/api/households/" + id).get("facts");
        assertThat(facts).doesNotContainKey("vehicleValue").containsEntry("awayMonths", 18)
                .containsEntry("townPropertyOrShop", true);
        List<Map<String, Object>> history = api.getList("/api/households/" + id + "/fact-history");
        assertThat(history).isNotEmpty();
        assertThat(history).anySatisfy(c -> assertThat(c).containsEntry("fact", "vehicleValue")
                .containsEntry("oldValue", "30000").containsEntry("label", "享受型车辆价值")
                .containsEntry("changedBy", "t-officer").extractingByKey("newValue").isNull());
        assertThat(stored.get("facts")).isEqualTo(Map.of());
    }

    @Test
    void reImportingTheRegistryExportChangesNothing() throws Exception {
        assertThat(upload("户籍.xlsx", xlsx(rows(false)), "ALL_OR_NOTHING")).containsEntry("created", 2);
        long id = jdbc.sql("SELECT id FROM registry_household WHERE household_no = ?").param(prefix + "02")
                .query(Long.class).single();
        api.patch("/api/households/" + id + "/facts", Map.of("values", Map.of("vehicleValue", 45000.5,
                "otherCauses", List.of("缺技术", "缺资金"), "incomeStableMonths", 8, "familyAssets", 12000.5,
                "electricity", true)));
        byte[] export = api.http().get().uri("/api/imports/households/export.xlsx?villageId=" + town.villageId)
                .retrieve().body(byte[].class);
        Map<String, Object> report = upload("户籍导出.xlsx", export, "ALL_OR_NOTHING");
        assertThat(((Number) report.get("households")).intValue()).isGreaterThanOrEqualTo(2);
        assertThat(report).containsEntry("written", true).containsEntry("updated", 0).containsEntry("created", 0)
                .containsEntry("rejected", 0);
        assertThat((List<?>) report.get("errors")).isEmpty();
    }

    @Test
    void aLargeFileImportsInTheBackgroundWithProgressAndAnAdultInPreschoolIsRefused() throws Exception {
        int n = 3389;
        StringBuilder csv = new StringBuilder(String.join(",", HEADERS)).append("\n");
        for (int h = 0; h < n; h++) {
            for (int m = 0; m < 4; m++) {
                csv.append(String.join(",", prefix + "L" + h, villageCode, "1组", h % 4 == 0 ? "脱贫户" : "一般农户",
                        String.valueOf(20000 + h), "0", String.valueOf(20000 + h), "", "是", "否", "A",
                        h % 4 == 0 ? "因病" : "", "成员" + m, "", m % 2 == 0 ? "男" : "女",
                        m < 2 ? "1970-01-0" + (m + 1) : "2012-05-0" + m, m == 0 ? "户主" : m == 1 ? "配偶" : "之女",
                        "健康", m < 2 ? "非在校" : "在校", "是", m < 2 ? "普通劳动力" : "无劳动力")).append("\n");
            }
        }
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(csv.toString().getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "township.csv";
            }
        });
        form.add("mode", "VALID_ONLY");
        long started = System.nanoTime();
        Map<String, Object> accepted = api.http().post().uri("/api/imports/households/async")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().body(Map.class);
        String id = (String) accepted.get("id");
        AtomicBoolean sawProgress = new AtomicBoolean();
        Awaitility.await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    Map<String, Object> p = api.get("/api/imports/" + id);
                    int done = ((Number) p.get("done")).intValue();
                    if (done > 0 && done < ((Number) p.get("households")).intValue()) {
                        sawProgress.set(true);
                    }
                    return !"RUNNING".equals(p.get("status"));
                });
        Map<String, Object> finished = api.get("/api/imports/" + id);
        System.out.printf("import of %d households (%d rows) took %d ms%n", n, 4 * n,
                (System.nanoTime() - started) / 1_000_000);
        assertThat(finished).containsEntry("status", "DONE");
        assertThat(sawProgress).isTrue();
        assertThat((Map<String, Object>) finished.get("report")).containsEntry("created", n).containsEntry("rejected", 0);
        api.awaitOutboxDrained();
        TestCleanup.deleteHouseholds(jdbc, "household_no LIKE ?", prefix + "L%");

        List<List<String>> adult = rows(false);
        List<String> row = new ArrayList<>(adult.get(2));
        row.set(18, "学前");
        adult.set(2, row);
        Map<String, Object> refused = upload("户籍.xlsx", xlsx(adult), "ALL_OR_NOTHING");
        assertThat((List<Map<String, Object>>) refused.get("errors")).anySatisfy(e -> assertThat(e)
                .containsEntry("row", 4).containsEntry("header", "就学情况"));
    }

    @Test
    void aFileWithTheWrongHeadersIsRefusedCellByCell() throws Exception {
        List<List<String>> rows = rows(false);
        byte[] csv = ("户号,村\r\n" + String.join(",", rows.get(0)) + "\r\n").getBytes(Charset.forName("UTF-8"));
        Map<String, Object> r = upload("户籍.csv", csv, "VALID_ONLY");
        assertThat(r).containsEntry("written", false).containsEntry("encoding", "UTF-8");
        List<Map<String, Object>> errors = (List<Map<String, Object>>) r.get("errors");
        assertThat(errors).anySatisfy(e -> assertThat(e).containsEntry("row", 1).containsEntry("column", "A")
                .containsEntry("header", "户号").extractingByKey("message").asString().contains("无法识别"));
        assertThat(errors).anySatisfy(e -> assertThat(e).containsEntry("row", 1).containsEntry("header", "户编号")
                .extractingByKey("message").asString().contains("缺少必填列"));
        assertThat(households()).isZero();
    }
}
