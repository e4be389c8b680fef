package cn.shoudi.bench.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A three-node MariaDB Galera cluster on loopback, started from the Debian packages ({@code mariadb-server},
 * {@code galera-4}, {@code rsync}): three {@code mariadbd} processes (under {@code nice -n 19}) with their own data
 * directories under a temporary directory; node {@code n} (1–3) listens for SQL on {@code 3310+n}, for the group on
 * {@code 4560+n}, for incremental state transfer on {@code 4570+n} and for full state transfer (rsync) on
 * {@code 4580+n}. Node 1 is initialised and bootstraps the cluster ({@code --wsrep-new-cluster}); nodes 2 and 3 start
 * empty and join by full state transfer. Auto-increment steps are fixed per node (3, offset n), as the service
 * requires. {@link #standalone()} starts one plain server with the same settings instead, for baselines.
 * {@link #close()} kills every node and removes the data.
 */
public final class GaleraCluster implements AutoCloseable {

    public static final int NODES = 3;
    private static final String MARIADBD = "/usr/sbin/mariadbd";
    private static final String PROVIDER = "/usr/lib/galera/libgalera_smm.so";
    private static final Duration START = Duration.ofMinutes(3);
    /**
     * The account the servers run as: {@code mysql} when this JVM is root (the rsync daemon of a state transfer, run
     * by root, would drop to {@code nobody} and could not write the data directory), else the current user.
     */
    private static final String USER = "root".equals(System.getProperty("user.name")) ? "mysql"
            : System.getProperty("user.name");

    private final Path root;
    private final boolean replicated;
    private final Map<Integer, Process> processes = new HashMap<>();

    private GaleraCluster(Path root, boolean replicated) {
        this.root = root;
        this.replicated = replicated;
    }

    /**
     * Starts the three nodes and returns once every node reports {@code wsrep_local_state_comment=Synced} and
     * {@code wsrep_cluster_size=3}.
     *
     * @throws IllegalStateException when the packages are missing or a node does not get there within 3 minutes
     *                               (its error log is in the message)
     */
    public static GaleraCluster start() throws IOException, InterruptedException {
        GaleraCluster cluster = new GaleraCluster(temporaryRoot(), true);
        try {
            cluster.initialiseFirstNode();
            cluster.launch(1, true);
            cluster.awaitSynced(1, 1);
            cluster.sql(1, "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'",
                    "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION");
            for (int n = 2; n <= NODES; n++) {
                cluster.writeConfig(n);
                cluster.launch(n, false);
                cluster.awaitSynced(n, n);
            }
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * One plain MariaDB server with the nodes' settings but no replication ({@code wsrep_on=OFF}), as node 1: the
     * baseline a cluster's figures are compared with.
     */
    public static GaleraCluster standalone() throws IOException, InterruptedException {
        GaleraCluster single = new GaleraCluster(temporaryRoot(), false);
        try {
            single.initialiseFirstNode();
            single.launch(1, false);
            single.awaitReady(1);
            single.sql(1, "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'",
                    "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION");
            return single;
        } catch (IOException | InterruptedException | RuntimeException e) {
            single.close();
            throw e;
        }
    }

    private static Path temporaryRoot() throws IOException {
        for (String file : List.of(MARIADBD, PROVIDER, "/usr/bin/rsync", "/usr/bin/mariadb-install-db")) {
            if (!Files.isRegularFile(Path.of(file))) {
                throw new IllegalStateException(file + " is missing: apt-get install -y mariadb-server galera-4 rsync");
            }
        }
        Path root = Files.createTempDirectory("shoudi-galera-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        return root;
    }

    /** The SQL port of node {@code n} (1–3). */
    public int port(int n) {
        return 3310 + n;
    }

    /** A Connector/J URL for a database on node {@code n}, in UTC as the service wants. */
    public String url(int n, String database) {
        return "jdbc:mysql://127.0.0.1:" + port(n) + "/" + database
                + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
    }

    /** Opens a connection to node {@code n} as root (no password). */
    public Connection connect(int n, String database) throws SQLException {
        return DriverManager.getConnection(url(n, database), "root", "");
    }

    /** Runs statements on node {@code n} without a default database. */
    public void sql(int n, String... statements) {
        try (Connection c = connect(n, ""); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("node " + n + ": " + e.getMessage(), e);
        }
    }

    /** Kills node {@code n} with SIGKILL (no shutdown, no state saved) and waits until its process is gone. */
    public void kill(int n) throws InterruptedException {
        Process p = processes.remove(n);
        if (p != null) {
            // an rsync daemon of a state transfer in progress would keep its port
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Starts a killed node again and waits until it is synced in a cluster of three (it rejoins by incremental state
     * transfer when the others' cache still holds what it missed).
     */
    public void restart(int n) throws IOException, InterruptedException {
        if (processes.containsKey(n)) {
            throw new IllegalStateException("node " + n + " is running");
        }
        launch(n, false);
        awaitSynced(n, NODES);
    }

    /** Polls node {@code n}'s wsrep status until it is synced in a cluster of at least {@code size} nodes. */
    public void awaitSynced(int n, int size) throws InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        String last = "not answering";
        while (System.nanoTime() < deadline) {
            Process p = processes.get(n);
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException("node " + n + " exited:\n" + errorLog(n));
            }
            try (Connection c = connect(n, ""); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW STATUS WHERE Variable_name IN "
                         + "('wsrep_local_state_comment', 'wsrep_cluster_size', 'wsrep_ready')")) {
                Map<String, String> status = new HashMap<>();
                while (rs.next()) {
                    status.put(rs.getString(1), rs.getString(2));
                }
                last = status.toString();
                if ("Synced".equals(status.get("wsrep_local_state_comment")) && "ON".equals(status.get("wsrep_ready"))
                        && Integer.parseInt(status.getOrDefault("wsrep_cluster_size", "0")) >= size) {
                    return;
                }
            } catch (SQLException notYet) {
                last = notYet.getMessage();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("node " + n + " not synced within " + START + " (" + last + "):\n"
                + errorLog(n));
    }

    private void awaitReady(int n) throws InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            Process p = processes.get(n);
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException("node " + n + " exited:\n" + errorLog(n));
            }
            try (Connection c = connect(n, "")) {
                return;
            } catch (SQLException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("node " + n + " not answering within " + START + ":\n" + errorLog(n));
    }

    /** The last lines of node {@code n}'s error log. */
    public String errorLog(int n) {
        try {
            List<String> lines = Files.readAllLines(dir(n).resolve("error.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no error log: " + e.getMessage() + ")";
        }
    }

    private Path dir(int n) {
        return root.resolve("node" + n);
    }

    private void initialiseFirstNode() throws IOException, InterruptedException {
        writeConfig(1);
        Process p = new ProcessBuilder("nice", "-n", "19", "mariadb-install-db", "--defaults-file="
                + dir(1).resolve("my.cnf"), "--user=" + USER,
                "--auth-root-authentication-method=normal", "--skip-test-db")
                .redirectErrorStream(true).redirectOutput(dir(1).resolve("install.log").toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("mariadb-install-db failed:\n"
                    + Files.readString(dir(1).resolve("install.log")));
        }
    }

    private void writeConfig(int n) throws IOException {
        Path dir = dir(n);
        Files.createDirectories(dir.resolve("data"));
        String members = String.join(",", IntStream.rangeClosed(1, NODES).mapToObj(i -> "127.0.0.1:" + (4560 + i))
                .toList());
        List<String> config = new ArrayList<>(List.of(
                "[mysqld]",
                "datadir=" + dir.resolve("data"),
                "socket=" + dir.resolve("mysqld.sock"),
                "pid-file=" + dir.resolve("mysqld.pid"),
                "log-error=" + dir.resolve("error.log"),
                "port=" + port(n),
                "bind-address=127.0.0.1",
                "character-set-server=utf8mb4",
                "collation-server=utf8mb4_unicode_ci",
                "default-storage-engine=InnoDB",
                "binlog_format=ROW",
                "innodb_autoinc_lock_mode=2",
                "innodb_buffer_pool_size=128M",
                "innodb_flush_log_at_trx_commit=2",
                "max_connections=200"));
        if (replicated) {
            config.addAll(List.of(
                    "wsrep_on=ON",
                    "wsrep_provider=" + PROVIDER,
                    "wsrep_cluster_name=shoudi_test",
                    "wsrep_node_name=node" + n,
                    "wsrep_cluster_address=gcomm://" + members,
                    "wsrep_provider_options=\"base_port=" + (4560 + n) + ";gmcast.listen_addr=tcp://127.0.0.1:"
                            + (4560 + n) + ";ist.recv_addr=127.0.0.1:" + (4570 + n) + ";gcache.size=256M\"",
                    // Connector/J computes the ids of a multi-row INSERT from the auto_increment_increment it read
                    // when the connection opened; Galera's default control changes the increment with the cluster's
                    // size, and a pooled connection then hands out ids of rows that do not exist. Fixed steps instead.
                    "wsrep_auto_increment_control=OFF",
                    "auto_increment_increment=" + NODES,
                    "auto_increment_offset=" + n,
                    "wsrep_sst_method=rsync",
                    "wsrep_sst_receive_address=127.0.0.1:" + (4580 + n)));
        }
        Files.writeString(dir.resolve("my.cnf"), String.join("\n", config) + "\n");
        if (!USER.equals(System.getProperty("user.name"))) {
            run("chown", "-R", USER + ":" + USER, dir.toString());
        }
    }

    private static void run(String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void launch(int n, boolean bootstrap) throws IOException {
        List<String> command = new ArrayList<>(List.of("nice", "-n", "19", MARIADBD,
                "--defaults-file=" + dir(n).resolve("my.cnf"), "--user=" + USER));
        if (bootstrap) {
            command.add("--wsrep-new-cluster");
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir(n).resolve("stdout.log").toFile())).start();
        processes.put(n, p);
    }

    /** Kills every node (SIGKILL: nothing in the data is kept) and removes the temporary directory. */
    @Override
    public void close() {
        for (int n = 1; n <= NODES; n++) {
            try {
                kill(n);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
