package io.hermesconnect.source.wal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hermesconnect.testkit.FreePort;
import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code PUT /connector-plugins/.../config/validate} names the key to fix, for each kind of bad input. */
class ValidateIT {

    private final ConnectCluster connect = ConnectCluster.shared();

    private JsonNode validate(Map<String, String> config) {
        Map<String, String> named = new java.util.HashMap<>(config);
        named.put("name", UniqueNames.of("validate"));
        return connect.rest().validate(WalSourceConnector.class.getName(), named);
    }

    /** The error messages on one key. */
    private static List<String> errors(JsonNode result, String key) {
        List<String> messages = new ArrayList<>();
        for (JsonNode config : result.path("configs")) {
            if (key.equals(config.path("value").path("name").asText())) {
                config.path("value").path("errors").forEach(e -> messages.add(e.asText()));
            }
        }
        return messages;
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void aGoodConfigHasNoErrors(PostgresVersion version) {
        WalTestDb db = new WalTestDb(PostgresServer.shared(version));
        db.sql("CREATE TABLE t (id int PRIMARY KEY)", "CREATE TABLE keyless (v text)");

        JsonNode result = validate(db.config());

        // a table without key under REPLICA IDENTITY DEFAULT is only a warning (logged): the connector may start
        assertThat(result.path("error_count").asInt()).as(result.toPrettyString()).isZero();
    }

    @Test
    void unreachableHost() {
        WalTestDb db = new WalTestDb(PostgresServer.shared(PostgresVersion.V17));
        Map<String, String> config = db.config();
        config.put(WalSourceConfig.PORT, Integer.toString(FreePort.find()));

        assertThat(errors(validate(config), WalSourceConfig.HOSTNAME)).singleElement().asString()
                .contains("Cannot connect to PostgreSQL at 127.0.0.1:");
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void wrongPassword(PostgresVersion version) {
        WalTestDb db = new WalTestDb(PostgresServer.shared(version));
        Map<String, String> config = db.config();
        config.put(WalSourceConfig.PASSWORD, "wrong");

        JsonNode result = validate(config);

        assertThat(errors(result, WalSourceConfig.PASSWORD)).singleElement().asString().contains("Password authentication failed");
        assertThat(errors(result, WalSourceConfig.HOSTNAME)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void userWithoutReplication(PostgresVersion version) {
        WalTestDb db = new WalTestDb(PostgresServer.shared(version));
        String role = UniqueNames.of("plain");
        db.pg.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'secret'");
        Map<String, String> config = db.config();
        config.put(WalSourceConfig.USER, role);
        config.put(WalSourceConfig.PASSWORD, "secret");
        config.put(WalSourceConfig.PUBLICATION_AUTOCREATE_MODE, "filtered");

        assertThat(errors(validate(config), WalSourceConfig.USER)).singleElement().asString()
                .contains("has no REPLICATION attribute").contains("ALTER ROLE");
    }

    @Test
    void invalidSlotNameAndUnknownTable() {
        WalTestDb db = new WalTestDb(PostgresServer.shared(PostgresVersion.V13));
        db.sql("CREATE TABLE orders (id int PRIMARY KEY)");
        Map<String, String> config = db.config();
        config.put(WalSourceConfig.SLOT_NAME, "My-Slot");
        JsonNode badSlot = validate(config);
        assertThat(errors(badSlot, WalSourceConfig.SLOT_NAME)).singleElement().asString().contains("lower-case letters");

        config = db.config();
        config.put(WalSourceConfig.TABLE_INCLUDE_LIST, "public.orders,public.nope");
        JsonNode unknownTable = validate(config);
        assertThat(errors(unknownTable, WalSourceConfig.TABLE_INCLUDE_LIST)).singleElement().asString()
                .contains("No table").contains("public.nope");
    }

    /** The test kit's servers all run with wal_level=logical: this one is started plainly, with zonky's defaults. */
    @Test
    void walLevelNotLogical() throws Exception {
        try (EmbeddedPostgres replica = EmbeddedPostgres.builder().setPgBinaryResolver(PostgresVersion.V13)
                .setServerConfig("wal_level", "replica").start()) {
            Map<String, String> config = new WalTestDb(PostgresServer.shared(PostgresVersion.V13)).config();
            config.put(WalSourceConfig.PORT, Integer.toString(replica.getPort()));
            config.put(WalSourceConfig.DBNAME, "postgres");

            assertThat(errors(validate(config), WalSourceConfig.HOSTNAME)).singleElement().asString()
                    .contains("wal_level=replica").contains("wal_level=logical");
        }
    }
}
