package io.hermesconnect.source.diff.it;

import static io.hermesconnect.source.diff.it.PollingDiffConnectors.awaitEvents;
import static io.hermesconnect.source.diff.it.PollingDiffConnectors.op;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicReader;
import io.hermesconnect.testkit.mariadb.MariaDbServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A MariaDB table with a column of each common type, polled into Kafka: each value arrives as its Connect type (read
 * back with schemas), and an update of one column of any type gives exactly one update event (issue 15, bullet 8).
 */
class MariaDbPollingIT {

    private static final ConnectCluster CONNECT = ConnectCluster.shared();

    /** Each column, its type, the value every row starts with, and the value its own row is updated to. */
    private static final List<String[]> COLUMNS = List.of(
            new String[] {"c_tinyint", "TINYINT", "1", "2"},
            new String[] {"c_smallint", "SMALLINT", "300", "301"},
            new String[] {"c_int", "INT", "70000", "70001"},
            new String[] {"c_bigint", "BIGINT", "5000000000", "5000000001"},
            new String[] {"c_decimal", "DECIMAL(10,3)", "5.250", "5.251"},
            new String[] {"c_float", "FLOAT", "1.5", "1.75"},
            new String[] {"c_double", "DOUBLE", "2.25", "2.125"},
            new String[] {"c_varchar", "VARCHAR(20)", "'héllo'", "'hello'"},
            new String[] {"c_date", "DATE", "'2024-02-29'", "'2024-03-01'"},
            new String[] {"c_datetime", "DATETIME(3)", "'2024-02-29 12:34:56.789'", "'2024-02-29 12:34:56.790'"},
            new String[] {"c_timestamp", "TIMESTAMP NULL", "'2024-02-29 12:34:56'", "'2024-02-29 12:34:57'"},
            new String[] {"c_bool", "BOOLEAN", "true", "false"},
            new String[] {"c_blob", "BLOB", "x'00ff'", "x'00fe'"},
            new String[] {"c_json", "JSON", "'{\"a\": 1}'", "'{\"a\": 2}'"});

    @TempDir
    static Path stateDir;

    @Test
    void eachTypeReachesKafkaAsItsConnectTypeAndUpdatesOnce() {
        MariaDbServer maria = MariaDbServer.shared();
        String database = UniqueNames.of("types");
        maria.execute("CREATE DATABASE " + database);
        StringBuilder table = new StringBuilder("CREATE TABLE all_types (id INT PRIMARY KEY");
        StringBuilder values = new StringBuilder();
        COLUMNS.forEach(column -> table.append(", ").append(column[0]).append(' ').append(column[1]));
        COLUMNS.forEach(column -> values.append(", ").append(column[2]));
        List<String> inserts = new ArrayList<>();
        for (int id = 1; id <= COLUMNS.size(); id++) {
            inserts.add("INSERT INTO all_types VALUES (" + id + values + ")");
        }
        maria.executeIn(database, "SET time_zone = '+00:00'", table + ")");
        maria.executeIn(database, inserts.toArray(String[]::new));

        PollingDiffConnectors connector = new PollingDiffConnectors(CONNECT, stateDir)
                .set("sources", "db")
                .jdbcSource("db", maria.jdbcUrl(database), MariaDbServer.ADMIN, MariaDbServer.ADMIN_PASSWORD)
                .set("types", "Rows")
                .set("types.Rows.primary.key", "id")
                .set("types.Rows.sources", "db")
                .set("types.Rows.sources.db.query", "SELECT * FROM all_types")
                .set("types.Rows.sources.db.attrs.id", "id");
        COLUMNS.forEach(column -> connector.set("types.Rows.sources.db.attrs." + column[0], column[0]));
        connector.start();
        int rows = COLUMNS.size();
        try (TopicReader reader = CONNECT.reader(connector.topic())) {
            Struct first = awaitEvents(reader, "the snapshot", events -> events.size() >= rows).get(0).getStruct("after");
            Map<String, Schema.Type> types = new HashMap<>();
            first.schema().fields().forEach(field -> types.put(field.name(), field.schema().type()));
            assertThat(types).containsOnly(Map.entry("id", Schema.Type.INT32),
                    Map.entry("c_tinyint", Schema.Type.INT8), Map.entry("c_smallint", Schema.Type.INT16),
                    Map.entry("c_int", Schema.Type.INT32), Map.entry("c_bigint", Schema.Type.INT64),
                    Map.entry("c_decimal", Schema.Type.BYTES), Map.entry("c_float", Schema.Type.FLOAT32),
                    Map.entry("c_double", Schema.Type.FLOAT64), Map.entry("c_varchar", Schema.Type.STRING),
                    Map.entry("c_date", Schema.Type.INT32), Map.entry("c_datetime", Schema.Type.INT64),
                    Map.entry("c_timestamp", Schema.Type.INT64), Map.entry("c_bool", Schema.Type.BOOLEAN),
                    Map.entry("c_blob", Schema.Type.BYTES), Map.entry("c_json", Schema.Type.STRING));
            assertThat(first.schema().field("c_decimal").schema().name()).isEqualTo(Decimal.LOGICAL_NAME);
            assertThat(first.schema().field("c_datetime").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
            assertThat(first.schema().field("c_timestamp").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
            assertThat(first.schema().field("c_date").schema().name())
                    .isEqualTo(org.apache.kafka.connect.data.Date.LOGICAL_NAME);
            assertThat(first.get("c_decimal")).isEqualTo(new BigDecimal("5.250"));
            assertThat(first.get("c_float")).isEqualTo(1.5f);
            assertThat(first.get("c_varchar")).isEqualTo("héllo");
            assertThat(first.get("c_date")).isEqualTo(Date.from(Instant.parse("2024-02-29T00:00:00Z")));
            assertThat(first.get("c_datetime")).isEqualTo(Date.from(Instant.parse("2024-02-29T12:34:56.789Z")));
            assertThat(first.get("c_timestamp")).isEqualTo(Date.from(Instant.parse("2024-02-29T12:34:56Z")));
            assertThat((byte[]) first.get("c_blob")).containsExactly(0, 0xff);
            assertThat(first.get("c_json")).isEqualTo("{\"a\": 1}");

            // row n changes column n only
            List<String> updates = new ArrayList<>(List.of("SET time_zone = '+00:00'"));
            for (int n = 0; n < rows; n++) {
                updates.add("UPDATE all_types SET " + COLUMNS.get(n)[0] + " = " + COLUMNS.get(n)[3] + " WHERE id = "
                        + (n + 1));
            }
            maria.executeIn(database, updates.toArray(String[]::new));
            awaitEvents(reader, "the updates", events -> events.size() >= 2 * rows);
            connector.awaitPollsAfter(connector.pollsCompleted(), 2);
            List<Struct> changes = awaitEvents(reader, "no more", events -> true);
            assertThat(changes).hasSize(2 * rows);
            for (Struct update : changes.subList(rows, 2 * rows)) {
                assertThat(op(update)).isEqualTo("u");
                int id = update.getStruct("after").getInt32("id");
                assertThat(changedFields(update)).as("row %d", id).containsExactly(COLUMNS.get(id - 1)[0]);
            }
        } finally {
            connector.delete();
        }
    }

    /** The fields whose value differs between {@code before} and {@code after}. */
    private static List<String> changedFields(Struct update) {
        Struct before = update.getStruct("before");
        Struct after = update.getStruct("after");
        return after.schema().fields().stream().map(Field::name)
                .filter(name -> !(before.get(name) instanceof byte[] bytes
                        ? Arrays.equals(bytes, (byte[]) after.get(name))
                        : Objects.equals(before.get(name), after.get(name))))
                .toList();
    }
}
