package io.hermesconnect.source.wal;

import com.fasterxml.jackson.databind.JsonNode;
import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicReader;
import io.hermesconnect.testkit.postgres.PostgresServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.Struct;

/**
 * One test's own database on a PostgreSQL server, with a connector config for it: unique database, slot,
 * publication and topic prefix, so tests share servers and the Connect cluster without colliding.
 */
final class WalTestDb {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    final PostgresServer pg;
    final String db;
    final String prefix;
    final String connector;

    WalTestDb(PostgresServer pg) {
        this.pg = pg;
        this.db = UniqueNames.of("db");
        this.prefix = UniqueNames.of("wal");
        this.connector = prefix;
        pg.createDatabase(db);
    }

    /** The connector config for this database; tests add or override keys. */
    Map<String, String> config() {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", WalSourceConnector.class.getName());
        config.put("tasks.max", "1");
        config.put(WalSourceConfig.HOSTNAME, pg.host());
        config.put(WalSourceConfig.PORT, Integer.toString(pg.port()));
        config.put(WalSourceConfig.USER, pg.superuser());
        config.put(WalSourceConfig.PASSWORD, pg.superuserPassword());
        config.put(WalSourceConfig.DBNAME, db);
        config.put(WalSourceConfig.SSLMODE, "disable");
        config.put(WalSourceConfig.TOPIC_PREFIX, prefix);
        config.put(WalSourceConfig.SLOT_NAME, prefix);
        config.put(WalSourceConfig.PUBLICATION_NAME, prefix + "_pub");
        config.put(WalSourceConfig.STATUS_UPDATE_INTERVAL_MS, "1000");
        config.put(WalSourceConfig.HEARTBEAT_INTERVAL_MS, "1000");
        config.put(WalSourceConfig.RETRY_WAIT_MS, "1000");
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        return config;
    }

    void sql(String... statements) {
        pg.executeIn(db, statements);
    }

    String query(String sql) {
        return pg.queryString(db, sql);
    }

    String topic(String table) {
        return prefix + ".public." + table;
    }

    /**
     * Starts the connector and waits until its task streams from the slot (the task is RUNNING before its
     * reader thread created the slot; changes made before that are not in the slot).
     */
    void start(ConnectCluster connect, Map<String, String> config) {
        connect.rest().putConnectorConfig(connector, config);
        connect.rest().awaitRunning(connector, 1, TIMEOUT);
        if (!"initial_only".equals(config.get(WalSourceConfig.SNAPSHOT_MODE))) {
            Wait.until("connector " + connector + " streaming from slot " + prefix, TIMEOUT, this::slotActive);
        }
    }

    /** Deletes the connector and, since tests share the server, its slot. */
    void delete(ConnectCluster connect) {
        connect.rest().deleteConnector(connector);
        Wait.until("slot " + prefix + " released", TIMEOUT, () -> !slotActive());
        pg.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '" + prefix + "'");
    }

    boolean slotActive() {
        return "t".equals(pg.queryString("postgres", "SELECT active FROM pg_replication_slots WHERE slot_name = '" + prefix + "'"));
    }

    String confirmedFlushLsn() {
        return pg.queryString("postgres", "SELECT confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = '" + prefix + "'");
    }

    /** The change events (tombstones left out) of a table's topic, once at least {@code count} have arrived. */
    static List<Struct> awaitEvents(TopicReader reader, int count) {
        List<ConsumerRecord<byte[], byte[]>> records = reader.awaitUntil(count + " change event(s)",
                all -> all.stream().filter(r -> r.value() != null).count() >= count, TIMEOUT);
        return records.stream().filter(r -> r.value() != null).map(r -> (Struct) reader.value(r).value()).toList();
    }

    static String op(Struct event) {
        return event.getString("op");
    }

    static Struct after(Struct event) {
        return event.getStruct("after");
    }

    static Struct before(Struct event) {
        return event.getStruct("before");
    }

    /** Connect's status as JSON text, for failure messages. */
    static String status(ConnectCluster connect, String connector) {
        JsonNode status = connect.rest().status(connector);
        return Objects.toString(status);
    }
}
