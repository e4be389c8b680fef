package cn.shoudi.bench.latency;

import cn.shoudi.rules.facts.IdNumbers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's REST API over HTTP, signed in with an API key (header {@code X-Api-Key}) or HTTP Basic; JSON written
 * and read by hand (a few fields).
 */
final class Api implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String authHeader;
    private final String auth;

    private Api(int port, String authHeader, String auth) {
        this.base = "http://127.0.0.1:" + port;
        this.authHeader = authHeader;
        this.auth = auth;
    }

    /** Signed in by an integration account's API key. */
    static Api withKey(int port, String apiKey) {
        return new Api(port, "X-Api-Key", apiKey);
    }

    /** Signed in with HTTP Basic: the password is checked on every request. */
    static Api withBasic(int port, String username, String password) {
        return new Api(port, "Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
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

    /**
     * A 脱贫户 of two with 9,000 元 net income a year (4,500 a person, below the 2019 monitoring line), 因病; the
     * {@code n}th household gets ID numbers of its own (a person is registered in one household only).
     */
    static String household(String no, int n, long[] town) {
        LocalDate born = LocalDate.of(1965, 4, 12).plusDays(n / 499);
        String date = born.toString().replace("-", "");
        String head = idNumber(date, n % 499 * 2 + 1);
        String spouse = idNumber(date, n % 499 * 2 + 2);
        return "{\"householdNo\":\"" + no + "\",\"villageId\":" + town[0] + ",\"groupId\":" + town[1]
                + ",\"householdClass\":\"脱贫户\",\"netIncome\":9000,\"rigidExpenditure\":0,"
                + "\"previousYearNetIncome\":9000,\"riskTypes\":[\"因病\"],\"selfCoping\":false,"
                + "\"guaranteeIssue\":false,\"helperCadreId\":" + town[2] + ",\"housing\":{\"mainCause\":\"因病\"},"
                + "\"members\":[{\"name\":\"冉德才\",\"idNumber\":\"" + head + "\",\"sex\":\"男\","
                + "\"birthDate\":\"" + born + "\",\"relation\":\"户主\"},{\"name\":\"何秀英\","
                + "\"idNumber\":\"" + spouse + "\",\"sex\":\"女\",\"birthDate\":\"" + born + "\","
                + "\"relation\":\"配偶\"}]}";
    }

    private static String idNumber(String birthDate, int sequence) {
        String first17 = "500243" + birthDate + String.format("%03d", sequence);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    /** POSTs JSON and returns the created resource's id; fails on any status but 200 and 201. */
    long post(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header(authHeader, auth)
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
            throw new UncheckedIOException(e);
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
