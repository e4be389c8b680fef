package cn.shoudi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A fresh village with a group cadre, a village-committee member and a helper, created through the REST API. */
public final class TestTownship {

    public final long villageId;
    /** The village's code (行政村编码), as import files name it. */
    public final String villageCode;
    public final long groupId;
    public final long groupCadreId;
    public final long committeeId;
    public final long helperId;

    public TestTownship(ApiClient api) {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000_000L);
        villageCode = "T" + suffix;
        villageId = id(api.post("/api/villages", Map.of("code", villageCode, "name", "测试村" + suffix,
                "poorVillage", true)));
        groupCadreId = id(api.post("/api/cadres", Map.of("name", "驻组干部", "role", "GROUP_CADRE",
                "villageId", villageId)));
        committeeId = id(api.post("/api/cadres", Map.of("name", "村委委员", "role", "VILLAGE_COMMITTEE",
                "villageId", villageId)));
        groupId = id(api.post("/api/villages/" + villageId + "/groups", Map.of("name", "1组", "cadreId",
                groupCadreId)));
        helperId = id(api.post("/api/cadres", Map.of("name", "帮扶干部", "role", "HELPER", "villageId", villageId)));
    }

    /** A 脱贫户 of two people with the given net income, helped by the helper cadre. */
    public Map<String, Object> household(String no, int netIncome) {
        Map<String, Object> h = new HashMap<>();
        h.put("householdNo", no);
        h.put("villageId", villageId);
        h.put("groupId", groupId);
        h.put("householdClass", "脱贫户");
        h.put("netIncome", netIncome);
        h.put("rigidExpenditure", 0);
        h.put("previousYearNetIncome", netIncome);
        h.put("riskTypes", List.of("因病"));
        h.put("selfCoping", false);
        h.put("guaranteeIssue", false);
        h.put("helperCadreId", helperId);
        h.put("housing", Map.of("mainCause", "因病"));
        // one person, one household: every household gets members of its own
        String head = TestIds.fresh("1965", true);
        String spouse = TestIds.fresh("1967", false);
        h.put("members", List.of(
                Map.of("name", "冉德才", "idNumber", head, "sex", "男", "birthDate", TestIds.birthDate(head),
                        "relation", "户主"),
                Map.of("name", "何秀英", "idNumber", spouse, "sex", "女", "birthDate", TestIds.birthDate(spouse),
                        "relation", "配偶")));
        return h;
    }

    public static long id(Map<String, Object> body) {
        return ((Number) body.get("id")).longValue();
    }
}
