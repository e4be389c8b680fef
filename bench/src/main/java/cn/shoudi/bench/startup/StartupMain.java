package cn.shoudi.bench.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figure 7: start-up, cold, each run in a fresh JVM. Two parts:
 * <ol>
 *   <li><b>The shipped policy compiled</b> ({@link CompileCold} in a new JVM on this module's class path): the first
 *   {@code PolicyCompiler.compile} of the JVM, beside the floor of reading the same workbooks with Apache POI only
 *   (also the first read of a fresh JVM). Goal: compiled in ≤ 3 s.</li>
 *   <li><b>The service</b>: the executable jar ({@code -Dbench.service.jar}, built by {@code -am}) started as the README
 *   does, on the embedded default (H2 in MySQL mode) with the demo township, on a free port. Times from launching the
 *   process to: the web server answering ({@code /actuator/health/liveness}), healthy and ready
 *   ({@code /actuator/health} UP and {@code /actuator/health/readiness} UP: the demo township is stored and its
 *   accounts exist) and the first evaluation of every household done in the background (its run, polled through
 *   {@code /api/assessment-runs} as the demo 乡镇领导). Beside it the floor: the same jar without the demo
 *   ({@code SHOUDI_DEMO=false}). Goal: healthy in ≤ 15 s.</li>
 * </ol>
 * Arguments: {@code [runs]}, default 3 (each figure is the median of the runs).
 */
public final class StartupMain {

    private static final Pattern COMPILED = Pattern.compile("compiled policy \\S+: \\d+ tables, \\d+ rules in (\\d+) ms");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String LEADER = "Basic " + Base64.getEncoder().encodeToString(
            "lingdao:shoudi-demo-2019".getBytes(StandardCharsets.UTF_8));

    private StartupMain() {
    }

    /** One start of the service, in milliseconds from launching its JVM; -1 where not reached. */
    record Start(boolean demo, double listening, double healthy, double evaluated, double compile, int households) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path jar = Path.of(System.getProperty("bench.service.jar", "service/target/shoudi-service-exec.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no service jar at " + jar + ": run the figure with -am (or package first)");
        }
        List<double[]> compile = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            compile.add(new double[]{CompileCold.inFreshJvm(false), CompileCold.inFreshJvm(true)});
        }
        List<Start> demo = new ArrayList<>();
        List<Start> floor = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            floor.add(start(jar, false));
            demo.add(start(jar, true));
        }
        print(compile, demo, floor);
    }

    static Start start(Path jar, boolean demo) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=UTC", "-jar", jar.toString(), "--server.port=" + port,
                "--shoudi.security.admin-password=bench-admin-password", "--spring.main.banner-mode=off"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("SHOUDI_DEMO", Boolean.toString(demo));
        pb.environment().remove("SHOUDI_DB_URL");
        long launched = System.nanoTime();
        Process p = pb.start();
        double[] compile = {-1};
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    Matcher m = COMPILED.matcher(line);
                    if (m.find() && compile[0] < 0) {
                        compile[0] = Double.parseDouble(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "service-log");
        reader.setDaemon(true);
        reader.start();
        String base = "http://127.0.0.1:" + port;
        try {
            double listening = until(launched, () -> status(base + "/actuator/health/liveness", null) == 200);
            double healthy = until(launched, () -> body(base + "/actuator/health", null).contains("\"status\":\"UP\"")
                    && body(base + "/actuator/health/readiness", null).contains("\"status\":\"UP\""));
            double evaluated = -1;
            int households = 0;
            if (demo) {
                evaluated = until(launched, () -> {
                    String runs = body(base + "/api/assessment-runs", LEADER);
                    return runs.contains("\"status\":\"DONE\"") && !runs.contains("\"status\":\"RUNNING\"");
                });
                Matcher total = Pattern.compile("\"total\":(\\d+)").matcher(body(base + "/api/assessment-runs", LEADER));
                households = total.find() ? Integer.parseInt(total.group(1)) : 0;
            }
            return new Start(demo, listening, healthy, evaluated, compile[0], households);
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    private interface Check {
        boolean ok() throws IOException, InterruptedException;
    }

    /** Polls every 50 ms (at most 5 minutes); milliseconds from {@code since} to the first success. */
    private static double until(long since, Check check) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            try {
                if (check.ok()) {
                    return (System.nanoTime() - since) / 1_000_000d;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the service did not get there within 5 minutes");
    }

    private static int status(String url, String auth) throws IOException, InterruptedException {
        return HTTP.send(request(url, auth), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String body(String url, String auth) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request(url, auth), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? r.body() : "";
    }

    private static HttpRequest request(String url, String auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return b.build();
    }

    private static void print(List<double[]> compile, List<Start> demo, List<Start> floor) {
        System.out.println();
        System.out.println("Figure 7 — start-up, cold (each run a fresh JVM; median of " + demo.size() + " runs, ms)");
        double read = median(compile.stream().mapToDouble(c -> c[0]).toArray());
        double compiled = median(compile.stream().mapToDouble(c -> c[1]).toArray());
        System.out.printf("  shipped policy, first compile of a fresh JVM: %8.0f   floor (POI reading the same workbooks"
                + ", cold): %6.0f   ×floor %.1f   goal ≤ 3,000%n", compiled, read, compiled / read);
        System.out.printf("  %-32s %12s %12s %14s %14s%n", "service (embedded H2)", "listening", "healthy", "evaluated",
                "compile (log)");
        row("with the demo township", demo);
        row("floor: no demo", floor);
        double healthy = median(demo.stream().mapToDouble(Start::healthy).toArray());
        System.out.printf("  healthy with the demo ÷ floor: %.2f; goal healthy ≤ 15,000 ms; evaluated = the background"
                        + " run over all %d households finished%n",
                healthy / median(floor.stream().mapToDouble(Start::healthy).toArray()),
                demo.get(0).households());
    }

    private static void row(String label, List<Start> starts) {
        System.out.printf("  %-32s %12.0f %12.0f %14s %14.0f%n", label,
                median(starts.stream().mapToDouble(Start::listening).toArray()),
                median(starts.stream().mapToDouble(Start::healthy).toArray()),
                starts.get(0).demo() ? String.format("%.0f", median(starts.stream().mapToDouble(Start::evaluated)
                        .toArray())) : "-",
                median(starts.stream().mapToDouble(Start::compile).toArray()));
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
