package cn.shoudi;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The service started in a JVM of its own (same classpath as the tests, same database), so a test can kill it
 * abruptly or run two instances side by side.
 */
public final class ChildApplication implements AutoCloseable {

    private final Process process;
    private final int port;

    private ChildApplication(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts an instance with the given extra properties (--key=value) and waits until it is healthy. */
    public static ChildApplication start(String name, List<String> properties) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8", "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), ShoudiApplication.class.getName(), "--server.port=" + port,
                "--shoudi.demo.enabled=false"));
        cmd.addAll(properties);
        File log = Path.of("target", "child-" + name + ".log").toFile();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
        ChildApplication app = new ChildApplication(p, port);
        app.awaitHealthy(Duration.ofSeconds(90));
        return app;
    }

    public int port() {
        return port;
    }

    /** Kills the process at once, as a power cut or `kill -9` would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("child application exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("child application not healthy within " + timeout);
    }
}
