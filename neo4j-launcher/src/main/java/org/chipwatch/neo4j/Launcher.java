package org.chipwatch.neo4j;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * Runs one embedded Neo4j Community DBMS for one chipwatch workspace.
 *
 * <p>Usage: {@code Launcher --home DIR --port N [--page-cache-mb M] [--watch-pid PID]
 * [--setting NAME=VALUE]...}, with the
 * password of user {@code neo4j} as the first line on standard input. The password is never an
 * argument because arguments are visible to every user of the machine (ps, /proc).
 *
 * <p>{@code --setting} passes any Neo4j setting through (e.g. a lower
 * {@code db.memory.transaction.max} in tests); the fixed settings below (Bolt address, auth, page cache, logs) still apply.
 *
 * <p>Bolt listens on 127.0.0.1 only, with authentication on. Prints {@code READY bolt://...} once the
 * password is set and the port accepts connections; SIGTERM shuts the DBMS down cleanly.
 */
public final class Launcher {
    static final String READY = "READY";
    private static final String USER = "neo4j";

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Path home = null;
        int port = -1;
        long pageCacheMb = 256;
        long watchPid = -1;
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--home" -> home = Path.of(require(value, "--home")).toAbsolutePath();
                case "--port" -> port = Integer.parseInt(require(value, "--port"));
                case "--page-cache-mb" -> pageCacheMb = Long.parseLong(require(value, "--page-cache-mb"));
                case "--watch-pid" -> watchPid = Long.parseLong(require(value, "--watch-pid"));
                case "--setting" -> {
                    String pair = require(value, "--setting");
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        fail("--setting needs NAME=VALUE, got " + pair);
                    }
                    extra.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                default -> fail("unknown argument " + args[i]);
            }
            i++;
        }
        if (home == null || port <= 0 || port > 65535) {
            fail("usage: Launcher --home DIR --port N [--page-cache-mb M] [--watch-pid PID] "
                    + "[--setting NAME=VALUE]... < password");
        }
        String password = readPassword();

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        if (!extra.isEmpty()) {
            // The embedded builder takes raw NAME=VALUE settings only from a properties file.
            Path file = Files.createTempFile("chipwatch-neo4j-", ".conf");
            try {
                StringBuilder text = new StringBuilder();
                extra.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
                Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
                builder.loadPropertiesFromFile(file);
            } finally {
                Files.delete(file);
            }
        }
        DatabaseManagementService dbms = builder
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheMb * 1024 * 1024)
                // Keep a workspace small: no 256 MB preallocated transaction logs per database.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 32L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                // Bolt stops after the databases are checkpointed; its default 2 x 5 s grace for
                // client connections only makes `chipwatch neo4j stop` (and every test session) slower.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("chipwatch-neo4j: shutting down");
            dbms.shutdown();
            System.out.println("chipwatch-neo4j: stopped");
            System.out.flush();
        }, "chipwatch-neo4j-shutdown"));

        setPassword(dbms, password);
        waitForBolt(port, Duration.ofSeconds(60));
        if (watchPid > 0) {
            exitWhenGone(watchPid);
        }
        System.out.println(READY + " bolt://127.0.0.1:" + port + " pid=" + ProcessHandle.current().pid());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /**
     * Sets the password through the system database. On the first start this also clears the
     * "change required" state of the default user; on later starts Neo4j refuses an unchanged password,
     * which means there is nothing to do.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
            System.out.println("chipwatch-neo4j: password of user " + USER + " set");
        } catch (QueryExecutionException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase();
            if (!message.contains("cannot be the same")) {
                throw e;
            }
            System.out.println("chipwatch-neo4j: password of user " + USER + " unchanged");
        }
    }

    private static void waitForBolt(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    fail("Bolt port " + port + " did not open within " + timeout.toSeconds() + " s");
                }
                Thread.sleep(100);
            }
        }
    }

    /** A test session that dies without stopping its server must not leave a JVM behind. */
    private static void exitWhenGone(long pid) {
        ProcessHandle.of(pid).ifPresentOrElse(
                handle -> handle.onExit().thenRun(() -> {
                    System.out.println("chipwatch-neo4j: watched process " + pid + " ended");
                    System.exit(0);
                }),
                () -> fail("watched process " + pid + " is not running"));
    }

    private static String readPassword() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null || line.isBlank()) {
            fail("expected the password of user " + USER + " as the first line on standard input");
        }
        return line.strip();
    }

    private static String require(String value, String flag) {
        if (value == null) {
            fail(flag + " needs a value");
        }
        return value;
    }

    private static void fail(String message) {
        System.err.println("chipwatch-neo4j: error: " + message);
        System.exit(2);
    }
}
