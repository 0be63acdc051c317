package io.hermesconnect.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.connect.TopicReader;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WAL source loaded from the ZIP and driven through the REST API only, as a user would: it snapshots a
 * table, streams a workload, and every record in Kafka is checked field by field.
 */
class WalSourceZipIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static PluginZipFixture zip;
    private static PostgresServer pg;

    @BeforeAll
    static void start() {
        zip = PluginZipFixture.shared();
        pg = PostgresServer.shared(PostgresVersion.V17);
    }

    @Test
    void capturesAWorkloadFieldByField() {
        String db = UniqueNames.of("shop");
        String prefix = UniqueNames.of("shop");
        pg.createDatabase(db);
        pg.executeIn(db, "CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, balance numeric(10,2))",
                "INSERT INTO customers VALUES (1, 'Ann', 10.50)");
        zip.rest().createConnector(prefix, ZipPipelines.walSource(pg, db, prefix));
        zip.rest().awaitRunning(prefix, 1, TIMEOUT);
        // the workload must follow the snapshot: wait until the task streams from its slot
        ZipPipelines.awaitStreaming(pg, prefix, TIMEOUT);

        pg.executeIn(db, "INSERT INTO customers VALUES (2, 'Bob', NULL)",
                "UPDATE customers SET balance = 11.00 WHERE id = 1", "DELETE FROM customers WHERE id = 2");

        try (TopicReader reader = zip.connect().reader(prefix + ".public.customers")) {
            List<ConsumerRecord<byte[], byte[]>> records = reader.awaitCount(5, TIMEOUT);
            List<Struct> values = records.stream().map(r -> (Struct) reader.value(r).value()).toList();

            assertEvent(values.get(0), "r", null, row(1, "Ann", "10.50"));
            assertThat(values.get(0).getStruct("source").getString("snapshot")).isEqualTo("last");
            assertEvent(values.get(1), "c", null, row(2, "Bob", null));
            assertEvent(values.get(2), "u", null, row(1, "Ann", "11.00"));
            assertThat(values.get(3).getString("op")).isEqualTo("d");
            assertThat(values.get(3).getStruct("before").getInt32("id")).isEqualTo(2);
            assertThat(values.get(3).getStruct("after")).isNull();
            assertThat(values.get(4)).isNull(); // tombstone
            assertThat(((Struct) reader.key(records.get(4)).value()).getInt32("id")).isEqualTo(2);
            assertThat(((Struct) reader.key(records.get(2)).value()).getInt32("id")).isEqualTo(1);
            for (Struct value : values.subList(0, 4)) {
                Struct source = value.getStruct("source");
                assertThat(source.getString("connector")).isEqualTo("wal");
                assertThat(source.getString("name")).isEqualTo(prefix);
                assertThat(source.getString("db")).isEqualTo(db);
                assertThat(source.getString("schema")).isEqualTo("public");
                assertThat(source.getString("table")).isEqualTo("customers");
                assertThat(source.getString("version")).isNotBlank();
                assertThat(source.getInt64("lsn")).isPositive();
                assertThat(value.getInt64("ts_ms")).isPositive();
            }
            assertThat(values.get(1).getStruct("source").getInt64("txId")).isPositive();
        }
        zip.rest().deleteConnector(prefix);
    }

    private static Map<String, Object> row(int id, String name, String balance) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("name", name);
        row.put("balance", balance == null ? null : new BigDecimal(balance));
        return row;
    }

    private static void assertEvent(Struct value, String op, Struct before, Map<String, Object> after) {
        assertThat(value.getString("op")).isEqualTo(op);
        assertThat(value.getStruct("before")).isEqualTo(before);
        Struct actual = value.getStruct("after");
        after.forEach((field, expected) -> assertThat(actual.get(field)).as(field).isEqualTo(expected));
        assertThat(actual.schema().fields()).hasSize(after.size());
    }
}
