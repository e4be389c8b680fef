package cn.shoudi.bench.cluster;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** The service's REST API over HTTP as one account (API key, or HTTP Basic for the administrator). */
final class Client {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** A response: its status and body (JSON, or empty). */
    record Answer(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** The answer's JSON when it is a success; fails with the status and body otherwise. */
        JsonNode expectOk(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + " answered " + status + ": " + body);
            }
            return json();
        }
    }

    private final String base;
    private final String header;
    private final String credential;

    private Client(String base, String header, String credential) {
        this.base = base;
        this.header = header;
        this.credential = credential;
    }

    static Client withKey(ServiceProcess service, String apiKey) {
        return new Client(service.base(), "X-Api-Key", apiKey);
    }

    static Client admin(ServiceProcess service) {
        return new Client(service.base(), "Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (ServiceProcess.ADMIN + ":" + ServiceProcess.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    /** The same account on another instance. */
    Client on(ServiceProcess service) {
        return new Client(service.base(), header, credential);
    }

    Answer get(String path) {
        return send(builder(path).GET());
    }

    Answer post(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Answer patch(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Answer postLines(String path, String lines) {
        return send(builder(path).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(lines, StandardCharsets.UTF_8)));
    }

    /** POSTs files as one multipart form, every file under the part name {@code files}. */
    Answer postFiles(String path, List<Path> files) throws IOException {
        String boundary = "galera" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Path f : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + f.getFileName() + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument"
                    + ".spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(Files.readAllBytes(f));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header(header, credential).header("Accept", "application/json");
    }

    /** Sends a request; a connection that fails (the instance is down) answers status 0. */
    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(
                    StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }
}
