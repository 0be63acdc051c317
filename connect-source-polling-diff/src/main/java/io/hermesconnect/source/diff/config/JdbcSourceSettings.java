package io.hermesconnect.source.diff.config;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.types.Password;

/**
 * A JDBC source ({@code sources.<S>.kind=jdbc}).
 *
 * @param name             the source's name
 * @param url              the JDBC URL
 * @param user             the user, or null to leave it to the URL or driver properties
 * @param password         the password, or null
 * @param fetchSize        rows the driver fetches per round trip
 * @param queryTimeout     the longest a query may run
 * @param driverProperties further driver connection properties ({@code sources.<S>.jdbc.properties.*}), which may
 *                         hold secrets: {@link #toString()} shows only their names
 */
public record JdbcSourceSettings(String name, String url, String user, Password password, int fetchSize,
                                 Duration queryTimeout, Map<String, String> driverProperties) implements SourceSettings {

    /** Copies the properties. */
    public JdbcSourceSettings {
        driverProperties = Map.copyOf(driverProperties);
    }

    @Override
    public String urlKey() {
        return SourceConfigs.key(name, SourceConfigs.JDBC_URL);
    }

    @Override
    public String passwordKey() {
        return SourceConfigs.key(name, SourceConfigs.JDBC_PASSWORD);
    }

    @Override
    public String toString() {
        return "JdbcSourceSettings[name=" + name + ", url=" + url + ", user=" + user + ", password=" + password
                + ", fetchSize=" + fetchSize + ", queryTimeout=" + queryTimeout + ", driverProperties="
                + driverProperties.keySet().stream().sorted().toList() + "]";
    }
}
