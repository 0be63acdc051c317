package io.hermesconnect.source.diff.fetch.jdbc;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.types.Password;

/**
 * How to reach one JDBC source ({@code sources.<S>.*}) and read from it.
 *
 * @param source           the source's name in the config, used in every error message
 * @param url              the JDBC URL, {@code jdbc:postgresql:} or {@code jdbc:mariadb:} ({@link JdbcDialect})
 * @param user             the user to log in as, or null to leave it to the URL or the driver properties
 * @param password         the password, or null likewise; turned into a String only to open a connection
 * @param driverProperties extra driver properties; the few the fetcher relies on (listed by {@link JdbcDialect})
 *                         override them
 * @param fetchSize        rows the driver fetches per round trip while streaming a result
 * @param queryTimeout     how long one statement may run; zero means no limit
 * @param connectTimeout   how long opening a connection (TCP and login) may take
 */
public record JdbcSettings(String source, String url, String user, Password password,
        Map<String, String> driverProperties, int fetchSize, Duration queryTimeout, Duration connectTimeout) {

    /** Checks and copies. */
    public JdbcSettings {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        driverProperties = Map.copyOf(driverProperties);
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetch size of source " + source + " must be at least 1");
        }
        if (queryTimeout.isNegative() || connectTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts of source " + source + " must not be negative");
        }
    }

    /** The query timeout for {@code Statement.setQueryTimeout}: whole seconds, rounded up; 0 means no limit. */
    int queryTimeoutSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, wholeSeconds(queryTimeout));
    }

    /** Whole seconds, rounded up, for drivers whose timeouts count in seconds (zero stays zero: no limit). */
    static long wholeSeconds(Duration duration) {
        return duration.plusNanos(999_999_999L).getSeconds();
    }
}
