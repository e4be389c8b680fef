package cn.shoudi.security;

import cn.shoudi.ApiClient;
import cn.shoudi.Privacy;
import cn.shoudi.TestAccounts;
import cn.shoudi.TestTownship;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data scoping, privacy and the audit trail on a real database: two villages, a cadre and an information officer of
 * the first. Everything of the second village is 404 to them on every read path; ID and phone numbers are masked in
 * JSON; the full ID number comes only from the show action, which is audited like logins, writes and exports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataScopeIntegrationTest {

    static final RestClient.RequestHeadersSpec.ExchangeFunction<Integer> STATUS =
            (rq, rs) -> rs.getStatusCode().value();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ApiClient officer;
    TestTownship mine;
    TestTownship other;
    long myHousehold;
    long otherHousehold;
    long otherTask;
    ApiClient cadre;
    ApiClient villageOfficer;

    @BeforeAll
    void twoVillages() {
        officer = new ApiClient(port, jdbc);
        mine = new TestTownship(officer);
        other = new TestTownship(officer);
        myHousehold = TestTownship.id(officer.post("/api/households", mine.household("DS" + System.nanoTime(), 9000)));
        otherHousehold = TestTownship.id(officer.post("/api/households", other.household("DS" + System.nanoTime(),
                9000)));
        officer.awaitOutboxDrained();
        otherTask = ((Number) officer.getList("/api/households/" + otherHousehold + "/tasks").get(0).get("id"))
                .longValue();
        cadre = officer.asCadre(mine.helperId);
        villageOfficer = officer.as(TestAccounts.ensure(jdbc, "t-vo-" + mine.villageId, "INFO_OFFICER", null,
                mine.villageId, null));
    }

    @Test
    void aCadreSeesItsOwnHouseholdAndGets404ForAnotherVillageOnEveryReadPath() {
        assertThat(status(cadre, "/api/households/" + myHousehold)).isEqualTo(200);
        assertThat(status(cadre, "/api/households/" + myHousehold + "/tasks")).isEqualTo(200);
        for (String path : List.of("/api/households/" + otherHousehold,
                "/api/households/" + otherHousehold + "/assessments",
                "/api/households/" + otherHousehold + "/tasks",
                "/api/households/" + otherHousehold + "/members/0/id-number",
                "/api/tasks/" + otherTask,
                "/api/cadres/" + other.helperId + "/tasks",
                "/api/households?villageId=" + other.villageId,
                "/api/reports/township?village=" + other.villageId)) {
            assertThat(status(cadre, path)).as(path).isEqualTo(404);
        }
        // ledgers and exports are not a cadre's at all
        assertThat(status(cadre, "/api/reports/township/ledgers/households")).isEqualTo(403);
        assertThat(status(cadre, "/api/reports/township/ledgers/households/xlsx")).isEqualTo(403);
        // a cadre works tasks only as themself
        assertThat(cadre.http().post().uri("/api/tasks/" + otherTask + "/acknowledge")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("cadreId", other.helperId))
                .exchange(STATUS)).isEqualTo(404);
    }

    @Test
    void aVillageInformationOfficerReadsAndEditsOnlyItsVillage() {
        assertThat(status(villageOfficer, "/api/households/" + myHousehold)).isEqualTo(200);
        assertThat(status(villageOfficer, "/api/households/" + otherHousehold)).isEqualTo(404);
        assertThat(status(villageOfficer, "/api/households?villageId=" + other.villageId)).isEqualTo(404);
        assertThat(status(villageOfficer, "/api/reports/helper-coverage?villageId=" + other.villageId))
                .isEqualTo(404);
        Map<String, Object> edit = other.household("DS-X" + System.nanoTime(), 9000);
        assertThat(villageOfficer.http().put().uri("/api/households/" + otherHousehold)
                .contentType(MediaType.APPLICATION_JSON).body(edit)
                .exchange(STATUS)).isEqualTo(404);
        String created = villageOfficer.http().post().uri("/api/households").contentType(MediaType.APPLICATION_JSON)
                .body(edit).exchange((rq, rs) -> rs.getStatusCode().value() + new String(rs.getBody().readAllBytes(),
                        StandardCharsets.UTF_8));
        assertThat(created).startsWith("400").contains("行政村不存在");
        assertThat(villageOfficer.getList("/api/cadres")).allSatisfy(c ->
                assertThat(((Number) c.get("villageId")).longValue()).isEqualTo(mine.villageId));
        String otherCode = (String) officer.getList("/api/villages").stream()
                .filter(v -> ((Number) v.get("id")).longValue() == other.villageId).findFirst().orElseThrow()
                .get("code");
        String csv = "户编号,行政村编码,村民小组,户类型,家庭纯收入,刚性支出,上年纯收入,风险类型,能否自身应对,三保障或饮水问题,"
                + "房屋安全等级,主要致贫原因,姓名,身份证号,性别,出生日期,与户主关系,健康状况,就学情况,基本医保,劳动能力\n"
                + "DS-I" + System.nanoTime() + "," + otherCode + ",1组,脱贫户,9000,0,9000,因病,否,否,A,因病,冉德才,"
                + "500243196504120011,男,1965-04-12,户主,健康,,是,普通劳动力\n";
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "户籍.csv";
            }
        });
        String report = villageOfficer.http().post().uri("/api/imports/households")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .exchange((rq, rs) -> new String(rs.getBody().readAllBytes(), StandardCharsets.UTF_8));
        assertThat(report).contains("行政村编码“" + otherCode + "”不存在");
    }

    @Test
    void idAndPhoneNumbersAreMaskedAndTheAuditedShowActionGivesTheFullNumber() {
        Map<String, Object> household = cadre.get("/api/households/" + myHousehold);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> members = (List<Map<String, Object>>) household.get("members");
        List<String> stored = jdbc.sql("SELECT id_number FROM registry_member WHERE household_id = ? ORDER BY position")
                .param(myHousehold).query(String.class).list();
        assertThat(stored).hasSize(2);
        String head = stored.get(0);
        assertThat(members.get(0).get("idNumber")).isEqualTo(Privacy.maskIdNumber(head))
                .isEqualTo(head.substring(0, 7) + "********" + head.substring(15));
        String raw = cadre.http().get().uri("/api/households/" + myHousehold).retrieve().body(String.class);
        assertThat(raw).doesNotContain(stored.get(0), stored.get(1));
        assertThat(officer.getList("/api/cadres")).allSatisfy(c -> {
            if (c.get("phone") != null) {
                assertThat((String) c.get("phone")).contains("****");
            }
        });
        Map<String, Object> shown = cadre.get("/api/households/" + myHousehold + "/members/0/id-number");
        assertThat(shown).containsEntry("idNumber", head);
        ApiClient admin = officer.asRole("ADMIN", "admin");
        String cadreUser = TestAccounts.cadre(jdbc, mine.helperId);
        assertThat(admin.getList("/api/admin/audit?action=SHOW_ID&username=" + cadreUser)).anySatisfy(e ->
                assertThat((String) e.get("target")).isEqualTo("household " + myHousehold + " member 0"));

        // an edit that sends the masked numbers back keeps the stored ones
        Map<String, Object> edit = mine.household((String) household.get("householdNo"), 9100);
        edit.put("members", members);
        edit.put("version", household.get("version"));
        officer.put("/api/households/" + myHousehold, edit);
        assertThat(jdbc.sql("SELECT id_number FROM registry_member WHERE household_id = ? ORDER BY position")
                .param(myHousehold).query(String.class).list())
                .containsExactly(stored.toArray(String[]::new));
    }

    @Test
    void writesExportsAndLoginFailuresAreAuditedAndQueryableByTheAdministrator() {
        ApiClient admin = officer.asRole("ADMIN", "admin");
        officer.http().get().uri("/api/imports/households/template.xlsx").retrieve().toBodilessEntity();
        RestClient wrong = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth("t-officer", "wrong-password")).build();
        assertThat(wrong.get().uri("/api/villages").exchange(STATUS)).isEqualTo(401);
        jdbc.sql("UPDATE security_user SET failed_attempts = 0, locked_until = NULL WHERE username = 't-officer'")
                .update();
        List<Map<String, Object>> writes = admin.getList("/api/admin/audit?action=WRITE&username=t-officer");
        assertThat(writes).anySatisfy(e -> assertThat((String) e.get("target")).isEqualTo("POST /api/households"));
        assertThat(admin.getList("/api/admin/audit?action=EXPORT&username=t-officer")).anySatisfy(e ->
                assertThat((String) e.get("target")).contains("template.xlsx"));
        assertThat(admin.getList("/api/admin/audit?action=LOGIN_FAILED&username=t-officer")).isNotEmpty();
        assertThat(status(officer, "/api/admin/audit")).isEqualTo(403);
    }

    private static int status(ApiClient client, String path) {
        return client.http().get().uri(path).exchange(STATUS);
    }
}
