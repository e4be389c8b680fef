package cn.shoudi.registry;

import cn.shoudi.ApiClient;
import cn.shoudi.TestTownship;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a household refers to is checked, all in one read, through the API: its number is not another household's, its
 * village and villager group exist and belong together, its helper exists and is active. Each problem is named with
 * its field and code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shoudi.demo.enabled=false", "shoudi.assessment.as-of=2021-12-31"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdReferencesIntegrationTest {

    /** An answer's status and body. */
    record Answer(int status, String body) {
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    TestTownship town;
    TestTownship other;

    @BeforeAll
    void townships() {
        api = new ApiClient(port, jdbc);
        town = new TestTownship(api);
        other = new TestTownship(api);
    }

    @Test
    void aNumberOfAnotherHouseholdIsRefusedButAHouseholdKeepsItsOwn() {
        String no = "RF" + System.nanoTime();
        long id = TestTownship.id(api.post("/api/households", town.household(no, 9000)));
        Answer again = post(town.household(no, 9000));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("\"field\":\"householdNo\"", "DUPLICATE", "户编号已被其他户使用");

        Map<String, Object> same = api.get("/api/households/" + id);
        Map<String, Object> body = town.household(no, 12000);
        body.put("version", same.get("version"));
        body.put("members", same.get("members"));
        assertThat(api.put("/api/households/" + id, body)).containsEntry("householdNo", no);
    }

    @Test
    void anUnknownVillageOrGroupAndAGroupOfAnotherVillageAreRefused() {
        Map<String, Object> h = town.household("RF" + System.nanoTime(), 9000);
        h.put("villageId", 999999);
        h.put("groupId", 999999);
        assertThat(post(h).body()).contains("\"field\":\"villageId\",\"code\":\"NOT_FOUND\"", "行政村不存在",
                "\"field\":\"groupId\",\"code\":\"NOT_FOUND\"", "村民小组不存在");

        Map<String, Object> elsewhere = town.household("RF" + System.nanoTime(), 9000);
        elsewhere.put("groupId", other.groupId);
        assertThat(post(elsewhere).body()).contains("WRONG_VILLAGE", "村民小组不属于所选行政村")
                .doesNotContain("行政村不存在");
    }

    @Test
    void anUnknownOrInactiveHelperIsRefused() {
        Map<String, Object> h = town.household("RF" + System.nanoTime(), 9000);
        h.put("helperCadreId", 999999);
        assertThat(post(h).body()).contains("\"field\":\"helperCadreId\",\"code\":\"NOT_FOUND\"", "帮扶责任人不存在");

        long leaving = TestTownship.id(api.post("/api/cadres", Map.of("name", "调离干部", "role", "HELPER",
                "villageId", town.villageId)));
        api.put("/api/cadres/" + leaving + "/active", Map.of("active", false));
        Map<String, Object> helped = town.household("RF" + System.nanoTime(), 9000);
        helped.put("helperCadreId", leaving);
        assertThat(post(helped).body()).contains("INACTIVE", "不能担任帮扶责任人");
    }

    private Answer post(Map<String, Object> body) {
        return api.http().post().uri("/api/households").contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((rq, rs) -> new Answer(rs.getStatusCode().value(),
                        new String(rs.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }
}
