package cn.shoudi.bench.latency;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service's REST API over HTTP, signed in with HTTP Basic; JSON written and read by hand (a few fields). */
final class Api implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String auth;

    Api(int port, String username, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.auth = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A village with a villager group, its cadre and a helper cadre: {@code {villageId, groupId, helperId}}. */
    long[] township() {
        long village = post("/api/villages", "{\"code\":\"B1\",\"name\":\"基准村\",\"poorVillage\":true}");
        long groupCadre = post("/api/cadres", "{\"name\":\"驻组干部\",\"role\":\"GROUP_CADRE\",\"villageId\":"
                + village + "}");
        post("/api/cadres", "{\"name\":\"村委委员\",\"role\":\"VILLAGE_COMMITTEE\",\"villageId\":" + village + "}");
        long group = post("/api/villages/" + village + "/groups", "{\"name\":\"1组\",\"cadreId\":" + groupCadre + "}");
        long helper = post("/api/cadres", "{\"name\":\"帮扶干部\",\"role\":\"HELPER\",\"villageId\":" + village + "}");
        return new long[] {village, group, helper};
    }

    /** A 脱贫户 of two with 9,000 元 net income a year (4,500 a person, below the 2019 monitoring line), 因病. */
    static String household(String no, long[] town) {
        return "{\"householdNo\":\"" + no + "\",\"villageId\":" + town[0] + ",\"groupId\":" + town[1]
                + ",\"householdClass\":\"脱贫户\",\"netIncome\":9000,\"rigidExpenditure\":0,"
                + "\"previousYearNetIncome\":9000,\"riskTypes\":[\"因病\"],\"selfCoping\":false,"
                + "\"guaranteeIssue\":false,\"helperCadreId\":" + town[2] + ",\"housing\":{\"mainCause\":\"因病\"},"
                + "\"members\":[{\"name\":\"冉德才\",\"idNumber\":\"500243196504120011\",\"sex\":\"男\","
                + "\"birthDate\":\"1965-04-12\",\"relation\":\"户主\"},{\"name\":\"何秀英\","
                + "\"idNumber\":\"500243196708230028\",\"sex\":\"女\",\"birthDate\":\"1967-08-23\","
                + "\"relation\":\"配偶\"}]}";
    }

    /** POSTs JSON and returns the created resource's id; fails on any status but 200 and 201. */
    long post(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 201) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            Matcher m = ID.matcher(response.body());
            if (!m.find()) {
                throw new IllegalStateException("POST " + path + " answered no id: " + response.body());
            }
            return Long.parseLong(m.group(1));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        // java.net.http.HttpClient is closeable only from Java 21
    }
}
