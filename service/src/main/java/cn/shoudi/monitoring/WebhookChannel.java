package cn.shoudi.monitoring;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A group robot's webhook in the JSON shape that 企业微信/政务微信 and 钉钉 robots share for text:
 * {@code {"msgtype":"text","text":{"content":"…"}}}. Delivered when the answer is 2xx and, where the robot reports one,
 * its {@code errcode} is 0 (a robot answers 200 with an errcode when it refuses, e.g. over its rate limit).
 */
@Component
class WebhookChannel implements NotificationChannel {

    private static final Pattern ERRCODE = Pattern.compile("\"errcode\"\\s*:\\s*(-?\\d+)");

    private final NotificationProperties properties;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookChannel(NotificationProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public String name() {
        return "WEBHOOK";
    }

    @Override
    public void send(String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("msgtype", "text");
        message.put("text", Map.of("content", text));
        String body = json.writeValueAsString(message);
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.webhookUrl()))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new NotificationFailedException("receiver unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotificationFailedException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new NotificationFailedException("HTTP " + response.statusCode() + " " + cut(response.body()), null);
        }
        Matcher m = ERRCODE.matcher(response.body());
        if (m.find() && !m.group(1).equals("0")) {
            throw new NotificationFailedException("robot refused: " + cut(response.body()), null);
        }
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
    }
}
