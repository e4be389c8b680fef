package cn.shoudi.bench.cluster;

import cn.shoudi.rules.facts.IdNumbers;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The test's township, registered through the REST API of one instance: accounts with API keys (a township-wide
 * information officer, the 医保 department, a policy officer, the helper cadre), a village with a villager group, its
 * cadres and one helper cadre, and households that each open a monitoring task (脱贫户 of two, 9,000 元 a year, 因病).
 */
record Township(Client officer, Client department, Client policy, Client helper, long helperId,
                List<Long> households, Map<Long, List<String>> idNumbers) {

    /** Registers the accounts and {@code size} households through {@code service}, signed in as the administrator. */
    static Township register(ServiceProcess service, int size) {
        Client admin = Client.admin(service);
        Client officer = account(service, admin, "galera-officer", "INFO_OFFICER", "");
        Client department = account(service, admin, "galera-yibao", "DEPARTMENT", ",\"department\":\"医保\"");
        long village = officer.post("/api/villages", "{\"code\":\"G1\",\"name\":\"集群村\",\"poorVillage\":true}")
                .expectOk("village").get("id").asLong();
        long groupCadre = cadre(officer, "驻组干部", "GROUP_CADRE", village);
        cadre(officer, "村委委员", "VILLAGE_COMMITTEE", village);
        long group = officer.post("/api/villages/" + village + "/groups", "{\"name\":\"1组\",\"cadreId\":" + groupCadre
                + "}").expectOk("group").get("id").asLong();
        long helper = cadre(officer, "帮扶干部", "HELPER", village);
        Client helperAccount = account(service, admin, "galera-helper", "CADRE", ",\"cadreId\":" + helper);
        Client policy = account(service, admin, "galera-policy", "POLICY", "");
        List<Long> households = new ArrayList<>();
        Map<Long, List<String>> ids = new TreeMap<>();
        for (int n = 1; n <= size; n++) {
            List<String> members = List.of(idNumber(n, 1), idNumber(n, 2));
            long id = officer.post("/api/households", household(n, village, group, helper, members))
                    .expectOk("household " + n).get("id").asLong();
            households.add(id);
            ids.put(id, members);
        }
        return new Township(officer, department, policy, helperAccount, helper, List.copyOf(households), ids);
    }

    /** The same accounts signed in on another instance. */
    Township on(ServiceProcess service) {
        return new Township(officer.on(service), department.on(service), policy.on(service), helper.on(service),
                helperId, households, idNumbers);
    }

    /** An account and its API key; {@code binding} adds JSON fields (its department, its cadre). */
    private static Client account(ServiceProcess service, Client admin, String username, String role,
                                  String binding) {
        JsonNode user = admin.post("/api/admin/users", "{\"username\":\"" + username + "\",\"password\":"
                + "\"galera-password-1\",\"displayName\":\"集群测试" + role + "\",\"role\":\"" + role + "\""
                + binding + ",\"enabled\":true}")
                .expectOk("account " + username);
        String key = admin.post("/api/admin/users/" + user.get("id").asLong() + "/api-keys",
                "{\"name\":\"集群测试\"}").expectOk("API key of " + username).get("apiKey").asString();
        return Client.withKey(service, key);
    }

    private static long cadre(Client officer, String name, String role, long village) {
        return officer.post("/api/cadres", "{\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"villageId\":"
                + village + "}").expectOk("cadre " + name).get("id").asLong();
    }

    private static String household(int n, long village, long group, long helper, List<String> members) {
        LocalDate born = LocalDate.of(1965, 4, 12).plusDays(n / 400);
        return "{\"householdNo\":\"G" + String.format("%05d", n) + "\",\"villageId\":" + village + ",\"groupId\":"
                + group + ",\"householdClass\":\"脱贫户\",\"netIncome\":9000,\"rigidExpenditure\":0,"
                + "\"previousYearNetIncome\":9000,\"riskTypes\":[\"因病\"],\"selfCoping\":false,"
                + "\"guaranteeIssue\":false,\"helperCadreId\":" + helper + ",\"housing\":{\"mainCause\":\"因病\"},"
                + "\"members\":[{\"name\":\"冉德才\",\"idNumber\":\"" + members.get(0) + "\",\"sex\":\"男\","
                + "\"birthDate\":\"" + born + "\",\"relation\":\"户主\"},{\"name\":\"何秀英\","
                + "\"idNumber\":\"" + members.get(1) + "\",\"sex\":\"女\",\"birthDate\":\"" + born + "\","
                + "\"relation\":\"配偶\"}]}";
    }

    /** A valid ID number of the county: the birth date moves every 400 households, the sequence is per household. */
    private static String idNumber(int n, int member) {
        String date = LocalDate.of(1965, 4, 12).plusDays(n / 400).toString().replace("-", "");
        String first17 = "500243" + date + String.format("%03d", n % 400 * 2 + member);
        return first17 + IdNumbers.checkCharacter(first17);
    }
}
