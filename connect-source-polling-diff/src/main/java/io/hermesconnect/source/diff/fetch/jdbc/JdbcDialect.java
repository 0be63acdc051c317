package io.hermesconnect.source.diff.fetch.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The databases a JDBC source reads, told apart by the URL's scheme. Each opens its connections through its own
 * driver class (not {@code DriverManager}, whose global registry does not see a plugin's class loader), with the
 * connect timeout and the settings our reads rely on, which override the same keys in the driver properties:
 * <ul>
 *   <li>PostgreSQL: {@code connectTimeout} and {@code loginTimeout} (whole seconds, rounded up), and
 *       {@code logServerErrorDetail=false}, so a server's error detail (which may quote a row's values) never reaches
 *       an exception message;</li>
 *   <li>MariaDB: {@code connectTimeout}, and a session in UTC ({@code connectionTimeZone=UTC},
 *       {@code forceConnectionTimeZoneToSession=true}), so TIMESTAMP columns read as exact instants whatever the
 *       server's and the worker's time zones. {@code NOW()} in a query is UTC too.</li>
 * </ul>
 */
public enum JdbcDialect {

    POSTGRESQL("jdbc:postgresql:", org.postgresql.Driver::new, new PostgresColumnTypes()) {
        @Override
        void addSettings(Properties properties, Duration connectTimeout) {
            String seconds = Long.toString(JdbcSettings.wholeSeconds(connectTimeout));
            properties.setProperty("connectTimeout", seconds);
            properties.setProperty("loginTimeout", seconds);
            properties.setProperty("logServerErrorDetail", "false");
        }
    },
    MARIADB("jdbc:mariadb:", org.mariadb.jdbc.Driver::new, new MariaDbColumnTypes()) {
        @Override
        void addSettings(Properties properties, Duration connectTimeout) {
            properties.setProperty("connectTimeout", Long.toString(connectTimeout.toMillis()));
            properties.setProperty("connectionTimeZone", "UTC");
            properties.setProperty("forceConnectionTimeZoneToSession", "true");
        }
    };

    private final String urlPrefix;
    private final Supplier<Driver> driver;
    private final ColumnTypeMapping columnTypes;

    JdbcDialect(String urlPrefix, Supplier<Driver> driver, ColumnTypeMapping columnTypes) {
        this.urlPrefix = urlPrefix;
        this.driver = driver;
        this.columnTypes = columnTypes;
    }

    /** The dialect whose driver reads {@code url}, or empty when no supported scheme starts it. */
    public static Optional<JdbcDialect> forUrl(String url) {
        return Arrays.stream(values()).filter(dialect -> url.startsWith(dialect.urlPrefix)).findFirst();
    }

    /** The dialect of the settings' URL; @throws IllegalArgumentException when no supported scheme starts it */
    static JdbcDialect of(JdbcSettings settings) {
        return forUrl(settings.url()).orElseThrow(() -> new IllegalArgumentException("JDBC source "
                + settings.source() + ": the URL must start with one of " + supportedSchemes()));
    }

    /** The URL schemes supported, for error messages and docs: {@code jdbc:postgresql:, jdbc:mariadb:}. */
    public static String supportedSchemes() {
        return String.join(", ", Arrays.stream(values()).map(dialect -> dialect.urlPrefix).toList());
    }

    /** Opens a connection as the settings say; the password becomes a String only here. */
    Connection connect(JdbcSettings settings) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(settings.driverProperties());
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password().value());
        }
        addSettings(properties, settings.connectTimeout());
        Connection connection = driver.get().connect(settings.url(), properties);
        if (connection == null) {
            throw new SQLNonTransientConnectionException("the driver does not accept the URL", "08001");
        }
        return connection;
    }

    ColumnTypeMapping columnTypes() {
        return columnTypes;
    }

    /** Adds the connect timeout and the settings our reads rely on. */
    abstract void addSettings(Properties properties, Duration connectTimeout);
}
