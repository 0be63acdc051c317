package io.hermesconnect.testkit.mariadb;

import io.hermesconnect.testkit.FreePort;
import io.hermesconnect.testkit.ServerScript;
import io.hermesconnect.testkit.SharedFixtures;
import io.hermesconnect.testkit.TempDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real MariaDB server ({@code mariadbd} from Debian's {@code mariadb-server}) as a local process on 127.0.0.1 (free
 * port), state in a temporary directory, administrator {@link #ADMIN} / {@link #ADMIN_PASSWORD} with every privilege.
 * Starts in about two seconds; needs the package ({@code .ci/install-test-servers.sh}) and fails, naming the script to
 * run, without it.
 * <pre>{@code
 * MariaDbServer db = MariaDbServer.shared();                 // reused by all test classes
 * try (MariaDbServer own = MariaDbServer.start()) {          // private: may be stopped and started again
 *     own.stop();
 *     own.startAgain();
 * }
 * }</pre>
 */
public final class MariaDbServer implements AutoCloseable {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-secret";
    private static final ServerScript SCRIPT = new ServerScript(MariaDbServer.class, "mariadb.sh");
    private static MariaDbServer shared;

    private final Path dir;
    private final int port;
    private final boolean isShared;

    private MariaDbServer(Path dir, int port, boolean isShared) {
        this.dir = dir;
        this.port = port;
        this.isShared = isShared;
    }

    /** A private server; the caller closes it, which also deletes its data. */
    public static MariaDbServer start() {
        return start(false);
    }

    /**
     * The server shared by all tests of this JVM, stopped when the test run ends ({@link SharedFixtures}). Tests use
     * their own databases and users on it ({@link io.hermesconnect.testkit.UniqueNames}) and never stop it.
     */
    public static synchronized MariaDbServer shared() {
        if (shared == null) {
            shared = start(true);
            SharedFixtures.register(MariaDbServer::stopShared);
        }
        return shared;
    }

    private static synchronized void stopShared() {
        MariaDbServer server = shared;
        shared = null;
        server.stopAndDelete();
    }

    private static MariaDbServer start(boolean isShared) {
        MariaDbServer server;
        try {
            server = new MariaDbServer(Files.createTempDirectory("hermes-mariadb-"), FreePort.find(), isShared);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create MariaDB's directory", e);
        }
        try {
            server.startAgain();
            return server;
        } catch (RuntimeException e) {
            server.stopAndDelete();
            throw e;
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** {@code jdbc:mariadb://127.0.0.1:<port>/<database>}, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://" + host() + ":" + port + "/" + database;
    }

    /** An administrator connection to {@code database}. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), ADMIN, ADMIN_PASSWORD);
    }

    /** Runs each statement as administrator, outside any database (autocommit); names must be qualified. */
    public void execute(String... statements) {
        executeIn("", statements);
    }

    /** Runs each statement as administrator in {@code database} (autocommit). */
    public void executeIn(String database, String... statements) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed in MariaDB database '" + database + "': " + e.getMessage(), e);
        }
    }

    /** Stops the server; data and port are kept for {@link #startAgain()}. */
    public synchronized void stop() {
        if (isShared) {
            throw new IllegalStateException(
                    "cannot stop the shared MariaDB: start a private one with MariaDbServer.start()");
        }
        SCRIPT.run(scriptEnv(), "stop");
    }

    /** Starts the server (again) on the same data directory and port; does nothing while it runs. */
    public synchronized void startAgain() {
        SCRIPT.run(scriptEnv());
    }

    /** Stops a private server and deletes its data; does nothing on the shared one, which stops when the run ends. */
    @Override
    public void close() {
        if (!isShared) {
            stopAndDelete();
        }
    }

    private synchronized void stopAndDelete() {
        try {
            SCRIPT.run(scriptEnv(), "stop");
        } finally {
            TempDirs.deleteRecursively(dir);
        }
    }

    private Map<String, String> scriptEnv() {
        return Map.of("DIR", dir.toString(), "PORT", Integer.toString(port), "ADMIN", ADMIN, "ADMINPW", ADMIN_PASSWORD);
    }
}
