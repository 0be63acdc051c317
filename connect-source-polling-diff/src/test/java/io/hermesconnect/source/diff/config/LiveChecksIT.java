package io.hermesconnect.source.diff.config;

import static io.hermesconnect.source.diff.config.PollingDiffValidationTest.errorsByKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.source.diff.SourceFetchers;
import io.hermesconnect.testkit.FreePort;
import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.ldap.ExampleDirectory;
import io.hermesconnect.testkit.ldap.InMemoryLdapServer;
import io.hermesconnect.testkit.mariadb.MariaDbServer;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code validate()} against real servers: the HERMES-like config reads its {@code hr} source from PostgreSQL or
 * MariaDB and its {@code dir} source from an in-memory LDAP server. The config as set up validates clean; each
 * mistake then yields one error, on the key the user must change.
 */
class LiveChecksIT {

    private static final String[] TABLES = {
        "CREATE TABLE users (uid VARCHAR(20) PRIMARY KEY, login VARCHAR(50), first_name VARCHAR(50),"
                + " last_name VARCHAR(50), mail VARCHAR(100), alias VARCHAR(100), password VARCHAR(100), hired DATE)",
        "CREATE TABLE groups (gid INT PRIMARY KEY, name VARCHAR(50))",
        "CREATE TABLE members (user_id VARCHAR(20), group_id INT)"};

    private static InMemoryLdapServer ldap;

    @BeforeAll
    static void start() {
        ldap = InMemoryLdapServer.start();
    }

    @AfterAll
    static void stop() {
        ldap.close();
    }

    @Test
    void postgresMistakesLandOnTheirKeys() {
        assertJdbcMistakesLandOnTheirKeys(onPostgres(), "interval '1 day'");
    }

    @Test
    void mariaDbMistakesLandOnTheirKeys() {
        MariaDbServer mariaDb = MariaDbServer.shared();
        String database = UniqueNames.of("live");
        mariaDb.execute("CREATE DATABASE " + database);
        mariaDb.executeIn(database, TABLES);

        assertJdbcMistakesLandOnTheirKeys(props(mariaDb.jdbcUrl(database), MariaDbServer.ADMIN,
                MariaDbServer.ADMIN_PASSWORD), "POINT(1, 2)");
    }

    @Test
    void ldapMistakesLandOnTheirKeys() {
        Map<String, String> sound = onPostgres();
        assertThat(validate(sound)).as("the config as set up").isEmpty();

        assertErrorOnlyOn(with(sound, "sources.dir.ldap.url", "ldap://127.0.0.1:" + FreePort.find()),
                "sources.dir.ldap.url");
        assertErrorOnlyOn(with(sound, "sources.dir.ldap.bind.password", "wrong"), "sources.dir.ldap.bind.password");
        assertErrorOnlyOn(with(sound, "types.Users.sources.dir.ldap.base", "ou=nobody,dc=example,dc=org"),
                "types.Users.sources.dir.ldap.base");
        assertErrorOnlyOn(with(sound, "types.Users.sources.dir.ldap.filter", "(objectClass=inetOrgPerson"),
                "types.Users.sources.dir.ldap.filter");
    }

    private static void assertJdbcMistakesLandOnTheirKeys(Map<String, String> sound, String unsupportedType) {
        assertThat(validate(sound)).as("the config as set up").isEmpty();

        String url = sound.get("sources.hr.jdbc.url");
        String unreachable = url.replaceFirst(":\\d+/", ":" + FreePort.find() + "/");
        assertErrorOnlyOn(with(sound, "sources.hr.jdbc.url", unreachable), "sources.hr.jdbc.url");
        assertErrorOnlyOn(with(sound, "sources.hr.jdbc.password", "wrong"), "sources.hr.jdbc.password");
        assertErrorOnlyOn(with(sound, "types.Groups.sources.hr.query", "SELECT gid, name FROM no_such_table"),
                "types.Groups.sources.hr.query");
        assertErrorOnlyOn(with(sound, "types.Users.sources.hr.attrs.login", "nickname"),
                "types.Users.sources.hr.attrs.login");
        assertErrorOnlyOn(with(sound, "types.Users.sources.hr.query", "SELECT uid, login, first_name, last_name,"
                + " mail, alias, password, " + unsupportedType + " AS hired FROM users"),
                "types.Users.sources.hr.attrs.hired");
    }

    /** The config with its {@code hr} source on a new database of the shared PostgreSQL. */
    private static Map<String, String> onPostgres() {
        PostgresServer postgres = PostgresServer.shared(PostgresVersion.V17);
        String database = UniqueNames.of("live");
        postgres.createDatabase(database);
        postgres.executeIn(database, TABLES);
        return props(postgres.jdbcUrl(database), postgres.superuser(), postgres.superuserPassword());
    }

    /** The HERMES-like config on the test's servers, in plain text (no TLS). */
    private static Map<String, String> props(String jdbcUrl, String user, String password) {
        Map<String, String> props = HermesLikeConfig.props();
        props.remove("sources.hr.jdbc.properties.sslmode");
        props.put("sources.hr.jdbc.url", jdbcUrl);
        props.put("sources.hr.jdbc.user", user);
        props.put("sources.hr.jdbc.password", password);
        props.put("sources.dir.ldap.url", ldap.url());
        props.put("sources.dir.ldap.bind.dn", ExampleDirectory.ADMIN_DN);
        props.put("sources.dir.ldap.bind.password", ExampleDirectory.ADMIN_PASSWORD);
        props.put("sources.dir.ldap.starttls", "false");
        return props;
    }

    private static Map<String, String> with(Map<String, String> props, String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(props);
        changed.put(key, value);
        return changed;
    }

    private static void assertErrorOnlyOn(Map<String, String> props, String key) {
        assertThat(validate(props)).as("errors when " + key + " is wrong").containsOnlyKeys(key);
    }

    private static Map<String, List<String>> validate(Map<String, String> props) {
        return errorsByKey(PollingDiffConfig.validate(props, new SourceFetchers()));
    }
}
