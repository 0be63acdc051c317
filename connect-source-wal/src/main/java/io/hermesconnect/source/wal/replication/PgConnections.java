package io.hermesconnect.source.wal.replication;

import io.hermesconnect.source.wal.WalSourceConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.PGProperty;

/**
 * Opens the connector's connections to PostgreSQL: plain JDBC ones (catalog, snapshot, validation) and
 * replication ones (slot management, streaming). Every connection is named after the connector in
 * {@code pg_stat_activity}, so an operator sees who holds a slot.
 */
public final class PgConnections {

    private final String url;
    private final String user;
    private final String password;
    private final String sslmode;
    private final String applicationName;
    private final Duration connectTimeout;

    public PgConnections(String host, int port, String dbname, String user, String password, String sslmode,
            String applicationName, Duration connectTimeout) {
        this.url = "jdbc:postgresql://" + hostForUrl(host) + ":" + port + "/" + dbname;
        this.user = user;
        this.password = password;
        this.sslmode = sslmode;
        this.applicationName = applicationName;
        this.connectTimeout = connectTimeout;
    }

    public static PgConnections of(WalSourceConfig config, Duration connectTimeout) {
        return new PgConnections(config.hostname(), config.port(), config.dbname(), config.user(), config.password(),
                config.sslmode(), "hermes-wal-" + config.topicPrefix(), connectTimeout);
    }

    /** A plain JDBC connection. */
    public Connection open() throws SQLException {
        return pinned(DriverManager.getConnection(url, properties(false)));
    }

    /**
     * A replication connection ({@code replication=database}): runs the replication protocol's commands
     * (CREATE_REPLICATION_SLOT, START_REPLICATION) and simple SQL, in the simple query protocol.
     */
    public Connection openReplication() throws SQLException {
        return pinned(DriverManager.getConnection(url, properties(true)));
    }

    /**
     * Fixes the session's IntervalStyle, whatever the server's or database's default: the converters read
     * values as text, and intervals then arrive as the ISO-8601 durations the events carry. (PgJDBC already fixes
     * DateStyle to ISO.) A SET rather than a startup option, which connection poolers may refuse.
     */
    private static Connection pinned(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET IntervalStyle = 'iso_8601'");
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    private Properties properties(boolean replication) {
        Properties props = new Properties();
        PGProperty.USER.set(props, user);
        if (password != null) {
            PGProperty.PASSWORD.set(props, password);
        }
        PGProperty.SSL_MODE.set(props, sslmode);
        PGProperty.APPLICATION_NAME.set(props, applicationName);
        int seconds = (int) Math.max(1, connectTimeout.toSeconds());
        PGProperty.CONNECT_TIMEOUT.set(props, seconds);
        PGProperty.LOGIN_TIMEOUT.set(props, seconds);
        PGProperty.TCP_KEEP_ALIVE.set(props, true);
        // the snapshot hands getBytes() to the text converters: values must always arrive in text format
        PGProperty.BINARY_TRANSFER.set(props, false);
        if (replication) {
            PGProperty.REPLICATION.set(props, "database");
            PGProperty.ASSUME_MIN_SERVER_VERSION.set(props, "10");
            PGProperty.PREFER_QUERY_MODE.set(props, "simple");
        }
        return props;
    }

    private static String hostForUrl(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
