package cn.shoudi.intake;

import cn.shoudi.ApiClient;
import cn.shoudi.TestIds;
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
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A department's batch (its daily file): every record validated and reported, new events stored once, members matched,
 * each affected household evaluated once for the batch and its tasks reconciled; the report kept and fetched again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31",
        "shoudi.monitoring.escalation-initial-delay=PT1H", "shoudi.intake.max-batch-records=50"})
class SignalBatchIntegrationTest {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    ApiClient api;
    TestTownship town;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port, jdbc);
        town = new TestTownship(api);
    }

    /** A registered 脱贫户 of two: {household id, the head's ID number}. */
    private Object[] household() {
        Map<String, Object> h = town.household("B" + System.nanoTime(), 30000);
        long id = TestTownship.id(api.post("/api/households", h));
        String head = (String) ((List<Map<String, Object>>) h.get("members")).get(0).get("idNumber");
        return new Object[]{id, head};
    }

    private String line(String eventId, String kind, Object amount, String idNumber) {
        return "{\"eventId\":\"" + eventId + "\",\"kind\":\"" + kind + "\",\"amount\":" + amount
                + ",\"date\":\"2021-06-01\",\"idNumber\":\"" + idNumber + "\",\"detail\":\"结算\"}";
    }

    private Map<String, Object> post(String department, String body) {
        return api.asDepartment(department).http().post().uri("/api/signals/batches?fileName=daily.jsonl")
                .contentType(NDJSON).body(body.getBytes(StandardCharsets.UTF_8))
                .exchange((rq, rs) -> Map.of("status", rs.getStatusCode().value(),
                        "body", json.readValue(rs.getBody().readAllBytes(), Map.class)));
    }

    private Map<String, Object> upload(String department, String fileName, byte[] bytes) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return api.asDepartment(department).http().post().uri("/api/signals/batches")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .exchange((rq, rs) -> Map.of("status", rs.getStatusCode().value(),
                        "body", json.readValue(rs.getBody().readAllBytes(), Map.class)));
    }

    private static Map<String, Object> body(Map<String, Object> response) {
        return (Map<String, Object>) response.get("body");
    }

    private static List<Map<String, Object>> records(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("records");
    }

    private int assessments(long household) {
        return api.getList("/api/households/" + household + "/assessments").size();
    }

    private List<String> latestCodes(long household) {
        Map<String, Object> latest = api.getList("/api/households/" + household + "/assessments").get(0);
        return ((List<Map<String, Object>>) latest.get("findings")).stream().map(f -> (String) f.get("code")).toList();
    }

    private List<Object> tasks(long household, String code) {
        return api.getList("/api/households/" + household + "/tasks").stream()
                .filter(t -> code.equals(t.get("taskCode"))).map(t -> t.get("id")).toList();
    }

    private long signalCount() {
        return jdbc.sql("SELECT COUNT(*) FROM intake_signal").query(Long.class).single();
    }

    @Test
    void aBatchStoresItsValidRecordsReportsEveryRecordAndEvaluatesEachHouseholdOnce() {
        Object[] a = household();
        Object[] b = household();
        long aId = (long) a[0];
        long bId = (long) b[0];
        api.awaitOutboxDrained();
        String earlier = "YB-E-" + System.nanoTime();
        api.asDepartment("医保").http().post().uri("/api/signals").contentType(MediaType.APPLICATION_JSON)
                .body("{\"source\":\"医保\"," + line(earlier, "门诊自付", 100, (String) b[1]).substring(1))
                .retrieve().toBodilessEntity();
        api.awaitOutboxDrained();
        int aBefore = assessments(aId);
        int bBefore = assessments(bId);
        long signalsBefore = signalCount();
        String p = "YB-" + System.nanoTime() + "-";
        String unknown = TestIds.fresh("1970", true);
        String file = String.join("\n",
                line(p + 1, "住院自付", 3000, (String) a[1]),
                line(p + 2, "住院自付", 3500, (String) a[1]),
                line(p + 3, "门诊自付", 600, (String) b[1]),
                line(p + 1, "住院自付", 3000, (String) a[1]),
                line(p + 4, "住院自付", 8000, unknown),
                line(p + 5, "挂号", -5, "500243196504120012"),
                "{\"source\":\"残联\",\"eventId\":\"" + p + 6 + "\",\"kind\":\"新增残疾\",\"date\":\"2021-06-01\","
                        + "\"idNumber\":\"" + a[1] + "\"}",
                "not json",
                "",
                line(earlier, "门诊自付", 100, (String) b[1]),
                line(p + 7, "住院自付", "\"12x\"", (String) a[1]).replace("2021-06-01", "2021-13-01"));

        Map<String, Object> response = post("医保", file);

        assertThat(response).containsEntry("status", 201);
        Map<String, Object> report = body(response);
        assertThat(report).containsEntry("department", "医保").containsEntry("fileName", "daily.jsonl")
                .containsEntry("format", "JSONL");
        assertThat((String) report.get("receivedBy")).startsWith("t-dept-");
        assertThat((Map<String, Object>) report.get("counts")).containsEntry("records", 10)
                .containsEntry("created", 3).containsEntry("unmatched", 1).containsEntry("duplicates", 2)
                .containsEntry("invalid", 4).containsEntry("households", 2);
        List<Map<String, Object>> records = records(report);
        assertThat(records).extracting(r -> r.get("line")).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 10, 11);
        assertThat(records).extracting(r -> r.get("statusLabel"))
                .containsExactly("新增", "新增", "新增", "重复", "未匹配", "无效", "无效", "无效", "重复", "无效");
        assertThat(records.get(0)).containsEntry("status", "NEW").containsEntry("eventId", p + 1)
                .containsEntry("householdId", (int) aId).containsEntry("problems", List.of());
        assertThat(records.get(2)).containsEntry("householdId", (int) bId);
        assertThat(records.get(3)).containsEntry("status", "DUPLICATE")
                .containsEntry("problems", List.of("与本文件第 1 行的事件编号相同，未重复保存"));
        assertThat(records.get(4)).containsEntry("status", "UNMATCHED").doesNotContainKey("householdId");
        assertThat((List<String>) records.get(4).get("problems")).singleElement().asString()
                .contains("未在台账的家庭成员中找到").contains("待核查队列").doesNotContain(unknown);
        assertThat(String.join(" ", (List<String>) records.get(5).get("problems"))).contains("信号类型“挂号”无效")
                .contains("校验位").contains("金额不能为负数");
        assertThat((List<String>) records.get(6).get("problems"))
                .contains("本账号只能报送医保的信号，不能报送残联的信号");
        assertThat((List<String>) records.get(7).get("problems")).containsExactly("该行不是有效的 JSON");
        assertThat(records.get(8)).containsEntry("status", "DUPLICATE").containsEntry("householdId", (int) bId);
        assertThat((List<String>) records.get(8).get("problems")).singleElement().asString().contains("此前已收到");
        assertThat((List<String>) records.get(9).get("problems"))
                .containsExactly("金额“12x”不是数字", "事件日期“2021-13-01”无效，应写成 2021-06-01");
        assertThat(signalCount()).isEqualTo(signalsBefore + 4);

        api.awaitOutboxDrained();
        assertThat(assessments(aId)).as("household A, two signals: evaluated once").isEqualTo(aBefore + 1);
        assertThat(assessments(bId)).as("household B, one signal: evaluated once").isEqualTo(bBefore + 1);
        assertThat(latestCodes(aId)).contains("AL-MED-REG");
        assertThat(latestCodes(bId)).contains("AL-MED-OUT");
        assertThat(tasks(aId, "AL-MED-REG")).hasSize(1);
        assertThat(tasks(bId, "AL-MED-OUT")).hasSize(1);
        assertThat(api.getList("/api/signals/review")).anySatisfy(s -> assertThat(s)
                .containsEntry("eventId", p + 4).containsEntry("status", "UNMATCHED"));

        Map<String, Object> again = api.asDepartment("医保").get("/api/signals/batches/" + report.get("id"));
        assertThat(again).isEqualTo(report);
        assertThat(api.get("/api/signals/batches/" + report.get("id"))).isEqualTo(report);
        int otherDepartment = api.asDepartment("残联").http().get().uri("/api/signals/batches/" + report.get("id"))
                .exchange((rq, rs) -> rs.getStatusCode().value());
        assertThat(otherDepartment).isEqualTo(404);
    }

    @Test
    void reSendingTheSameFileStoresNothingEvaluatesNothingAndReportsEveryRecordAsARepeat() {
        Object[] a = household();
        api.awaitOutboxDrained();
        String p = "YB-" + System.nanoTime() + "-";
        String csv = "事件编号,信号类型,金额,事件日期,身份证号,说明\n"
                + p + "1,住院自付,4000,2021-03-01," + a[1] + ",\"住院结算, 第一次\"\n"
                + p + "2,住院自付,2000,2021/04/01," + a[1] + ",住院结算\n"
                + p + "3,门诊自付,100,2021-04-01,500243196504120012,\n"
                + p + "4,门诊自付,100,2021-04-01," + TestIds.fresh("1971", false) + ",\n";
        Map<String, Object> first = body(upload("医保", "医保-20210601.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat((Map<String, Object>) first.get("counts")).containsEntry("created", 2).containsEntry("invalid", 1)
                .containsEntry("unmatched", 1).containsEntry("households", 1);
        assertThat(records(first)).extracting(r -> r.get("line")).containsExactly(2, 3, 4, 5);
        api.awaitOutboxDrained();
        long household = (long) a[0];
        int assessmentsBefore = assessments(household);
        List<Object> tasksBefore = tasks(household, "AL-MED-REG");
        assertThat(tasksBefore).hasSize(1);
        long signalsBefore = signalCount();
        long eventsBefore = jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION").query(Long.class).single();

        Map<String, Object> second = upload("医保", "医保-20210601.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(second).containsEntry("status", 201);
        Map<String, Object> report = body(second);
        assertThat(report.get("id")).isNotEqualTo(first.get("id"));
        assertThat((Map<String, Object>) report.get("counts")).containsEntry("records", 4).containsEntry("created", 0)
                .containsEntry("unmatched", 0).containsEntry("duplicates", 3).containsEntry("invalid", 1)
                .containsEntry("households", 0);
        assertThat(records(report)).extracting(r -> r.get("statusLabel")).containsExactly("重复", "重复", "无效", "重复");
        assertThat(records(report)).extracting(r -> r.get("signalId"), r -> r.get("householdId"))
                .containsExactlyElementsOf(records(first).stream()
                        .map(r -> tuple(r.get("signalId"), r.get("householdId"))).toList());
        api.awaitOutboxDrained();
        assertThat(signalCount()).isEqualTo(signalsBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION").query(Long.class).single())
                .isEqualTo(eventsBefore);
        assertThat(assessments(household)).isEqualTo(assessmentsBefore);
        assertThat(tasks(household, "AL-MED-REG")).isEqualTo(tasksBefore);
    }

    @Test
    void anXlsxFileWithoutTheSourceColumnIsTheSendingDepartments() throws IOException {
        Object[] a = household();
        api.awaitOutboxDrained();
        String event = "CL-" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("信号");
            List<String> header = List.of("事件编号", "信号类型", "事件日期", "身份证号");
            List<String> values = List.of(event, "新增残疾", "2021-05-01", (String) a[1]);
            Row h = sheet.createRow(0);
            Row v = sheet.createRow(1);
            for (int c = 0; c < header.size(); c++) {
                h.createCell(c).setCellValue(header.get(c));
                v.createCell(c).setCellValue(values.get(c));
            }
            wb.write(out);
        }

        Map<String, Object> report = body(upload("残联", "残联.xlsx", out.toByteArray()));

        assertThat(report).containsEntry("department", "残联").containsEntry("format", "XLSX");
        assertThat(records(report)).singleElement().satisfies(r -> assertThat(r).containsEntry("line", 2)
                .containsEntry("status", "NEW").containsEntry("householdId", ((Long) a[0]).intValue()));
        assertThat(jdbc.sql("SELECT source FROM intake_signal WHERE event_id = ?").param(event).query(String.class)
                .single()).isEqualTo("残联");
    }

    @Test
    void aFileThatCannotBeReadAsAWholeIsRefusedAndStoresNothing() {
        long batches = jdbc.sql("SELECT COUNT(*) FROM intake_signal_batch").query(Long.class).single();
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(line("YB-MANY-" + System.nanoTime() + "-" + i, "门诊自付", 10, "500243196504120011"));
        }
        Map<String, Object> large = post("医保", String.join("\n", tooMany));
        Map<String, Object> noColumn = upload("医保", "x.csv", "事件编号,金额\nYB-1,5\n".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> empty = post("医保", "\n\n");
        Map<String, Object> wrongType = upload("医保", "x.txt", "a".getBytes(StandardCharsets.UTF_8));

        assertThat(large).containsEntry("status", 400);
        assertThat((String) body(large).get("detail")).contains("一个批次最多 50 条记录");
        assertThat(noColumn).containsEntry("status", 400);
        assertThat((String) body(noColumn).get("detail")).contains("文件缺少列").contains("信号类型（kind）")
                .contains("身份证号（idNumber）");
        assertThat(empty).containsEntry("status", 400);
        assertThat((String) body(empty).get("detail")).contains("文件中没有信号记录");
        assertThat(wrongType).containsEntry("status", 400);
        assertThat((String) body(wrongType).get("detail")).contains(".jsonl").contains(".csv").contains(".xlsx");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_signal_batch").query(Long.class).single()).isEqualTo(batches);
    }

    @Test
    void aJsonLinesBodyMayBeLargerThanOtherJsonBodiesUpToItsOwnLimit() {
        String detail = "x".repeat(30_000);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(line("YB-BIG-" + System.nanoTime() + "-" + i, "门诊自付", 10, "500243196504120011")
                    .replace("结算", detail));
        }
        String body = String.join("\n", lines);
        assertThat(body.length()).isGreaterThan(1_048_576);

        Map<String, Object> accepted = post("医保", body);
        int refused = api.asDepartment("医保").http().post().uri("/api/signals/batches").contentType(NDJSON)
                .body(new byte[10_485_761]).exchange((rq, rs) -> rs.getStatusCode().value());

        assertThat(accepted).containsEntry("status", 201);
        assertThat((Map<String, Object>) body(accepted).get("counts")).containsEntry("invalid", 40);
        assertThat((List<String>) records(body(accepted)).get(0).get("problems")).contains("说明（detail）最多500个字符");
        assertThat(refused).isEqualTo(413);
    }
}
