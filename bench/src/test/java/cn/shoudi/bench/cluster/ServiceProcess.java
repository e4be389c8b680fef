package cn.shoudi.bench.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the service: its executable jar ({@code -Dshoudi.service.jar}) as a process of its own (under
 * {@code nice -n 19}), on a free port, connected to one database URL, without the demo township, its output in a log
 * file. A process, so that a test can kill it with SIGKILL and start it again on the same port and database.
 */
final class ServiceProcess implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "galera-admin-password";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final String databaseUrl;
    private final List<String> properties;
    private final Path log;
    private final int port;
    private Process process;

    /**
     * @param properties extra {@code --key=value} arguments
     */
    ServiceProcess(String name, String databaseUrl, Map<String, String> properties, Path logDir) throws IOException {
        this.name = name;
        this.databaseUrl = databaseUrl;
        this.properties = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
        Files.createDirectories(logDir);
        this.log = logDir.resolve(name + ".log");
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    String name() {
        return name;
    }

    /** Starts the process and waits until it is ready (its readiness probe answers UP), at most 5 minutes. */
    void start() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("shoudi.service.jar", "../service/target/shoudi-service-exec.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no service jar at " + jar + ": build the service module first");
        }
        List<String> command = new ArrayList<>(List.of("nice", "-n", "19",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC", "-jar", jar.toString(), "--server.port=" + port,
                "--spring.main.banner-mode=off", "--shoudi.security.admin-username=" + ADMIN,
                "--shoudi.security.admin-password=" + ADMIN_PASSWORD));
        command.addAll(properties);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("SHOUDI_DEMO", "false");
        pb.environment().put("SHOUDI_DB_URL", databaseUrl);
        pb.environment().put("SHOUDI_DB_USER", "root");
        pb.environment().put("SHOUDI_DB_PASSWORD", "");
        process = pb.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base()
                        + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready within 5 minutes:\n" + logTail());
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Kills the process with SIGKILL: no shutdown hook, no graceful end of requests or listeners. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            process = null;
        }
    }

    /** The last lines of the instance's log. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }
}
