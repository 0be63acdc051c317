package io.hermesconnect.testkit.postgres;

import io.hermesconnect.testkit.FreePort;
import io.hermesconnect.testkit.SharedFixtures;
import io.hermesconnect.testkit.TempDirs;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * An embedded PostgreSQL server (zonky binaries, run as a local process; as root zonky runs it in a user
 * namespace) ready for logical replication: {@code wal_level=logical}, 20 WAL senders and slots. Every TCP
 * connection, replication included, authenticates with a password (md5 in pg_hba, which also accepts
 * SCRAM-stored passwords), so tests of wrong passwords and of roles without REPLICATION are meaningful.
 * <pre>{@code
 * PostgresServer pg = PostgresServer.shared(PostgresVersion.V17);          // reused by all test classes
 * try (PostgresServer own = PostgresServer.start(PostgresVersion.V13)) {   // private: may be restarted
 *     own.restart();
 * }
 * }</pre>
 */
public final class PostgresServer implements AutoCloseable {

    private static final String SUPERUSER = "postgres";
    private static final String SUPERUSER_PASSWORD = "postgres-secret";
    private static final String PG_HBA = """
            # written by the Hermes test kit: passwords over TCP, for normal and replication connections
            local all all trust
            host all all 127.0.0.1/32 md5
            host all all ::1/128 md5
            host replication all 127.0.0.1/32 md5
            host replication all ::1/128 md5
            """;
    private static final Map<PostgresVersion, PostgresServer> SHARED = new EnumMap<>(PostgresVersion.class);

    private final PostgresVersion version;
    private final Path workDir;
    private final int port;
    private final boolean isShared;
    private EmbeddedPostgres postgres;

    private PostgresServer(PostgresVersion version, Path workDir, int port, boolean isShared) {
        this.version = version;
        this.workDir = workDir;
        this.port = port;
        this.isShared = isShared;
    }

    /** A private server; the caller closes it, which also deletes its data. */
    public static PostgresServer start(PostgresVersion version) {
        return start(version, false);
    }

    /**
     * The server of this major shared by all tests of this JVM, stopped when the test run ends
     * ({@link SharedFixtures}). Tests use their own databases, roles and slots on it
     * ({@link io.hermesconnect.testkit.UniqueNames}) and never stop it.
     */
    public static synchronized PostgresServer shared(PostgresVersion version) {
        return SHARED.computeIfAbsent(version, v -> {
            PostgresServer server = start(v, true);
            SharedFixtures.register(() -> stopShared(v));
            return server;
        });
    }

    private static synchronized void stopShared(PostgresVersion version) {
        SHARED.remove(version).stopAndDelete();
    }

    private static PostgresServer start(PostgresVersion version, boolean isShared) {
        Path workDir;
        try {
            workDir = Files.createTempDirectory("hermes-pg" + version.major() + "-");
            Files.writeString(workDir.resolve("pwfile"), SUPERUSER_PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare a directory for PostgreSQL " + version.major(), e);
        }
        PostgresServer server = new PostgresServer(version, workDir, FreePort.find(), isShared);
        try {
            server.startAgain();
            return server;
        } catch (RuntimeException | Error e) {
            server.stopAndDelete();
            throw e;
        }
    }

    public PostgresVersion version() {
        return version;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String superuser() {
        return SUPERUSER;
    }

    public String superuserPassword() {
        return SUPERUSER_PASSWORD;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port + "/" + database;
    }

    /** A superuser connection to the {@code postgres} database. */
    public Connection connect() throws SQLException {
        return connect("postgres");
    }

    /** A superuser connection to {@code database}. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, SUPERUSER_PASSWORD);
    }

    public void createDatabase(String name) {
        execute("CREATE DATABASE " + name);
    }

    /** Runs each statement as superuser in the {@code postgres} database (autocommit). */
    public void execute(String... statements) {
        executeIn("postgres", statements);
    }

    /** Runs each statement as superuser in {@code database} (autocommit). */
    public void executeIn(String database, String... statements) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed in " + database + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row as text, or null if there is no row. */
    public String queryString(String database, String sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed in " + database + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server (fast shutdown); data and port are kept for {@link #startAgain()}. */
    public synchronized void stop() {
        requirePrivate("stop");
        stopServer();
    }

    /** Starts the server again on the same data directory and port. */
    public synchronized void startAgain() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver(version)
                    .setDataDirectory(workDir.resolve("data"))
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky hands locale settings to initdb as --key=value: this sets the superuser password
                    .setLocaleConfig("pwfile", workDir.resolve("pwfile").toString())
                    .setConnectConfig("password", SUPERUSER_PASSWORD)
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_wal_senders", "20")
                    .setServerConfig("max_replication_slots", "20")
                    .setServerConfig("fsync", "off") // throwaway data: durability only costs time
                    .setDataDirectoryCustomizer(PostgresServer::writePgHba)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL " + version.major() + " on port " + port, e);
        }
    }

    /** Stops and starts again, keeping data and port (for fault tests; not on the shared server). */
    public synchronized void restart() {
        stop();
        startAgain();
    }

    /** Stops a private server and deletes its data; does nothing on a shared one, which stops when the run ends. */
    @Override
    public void close() {
        if (!isShared) {
            stopAndDelete();
        }
    }

    private synchronized void stopAndDelete() {
        stopServer();
        TempDirs.deleteRecursively(workDir);
    }

    private void stopServer() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL on port " + port, e);
        } finally {
            postgres = null;
        }
    }

    private void requirePrivate(String action) {
        if (isShared) {
            throw new IllegalStateException("cannot " + action + " the shared PostgreSQL " + version.major()
                    + ": start a private one with PostgresServer.start(version)");
        }
    }

    private static void writePgHba(File dataDirectory) {
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), PG_HBA);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write pg_hba.conf in " + dataDirectory, e);
        }
    }
}
