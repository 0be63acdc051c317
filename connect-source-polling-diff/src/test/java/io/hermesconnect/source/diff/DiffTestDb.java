package io.hermesconnect.source.diff;

import io.hermesconnect.source.diff.config.PollingDiffConfig;
import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.ConnectRestClient;
import io.hermesconnect.testkit.connect.TopicReader;
import io.hermesconnect.testkit.postgres.PostgresServer;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.management.JMException;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.connect.data.Struct;

/**
 * One test's own database, login role and connector on shared servers: a table {@code users (id, login, name, email,
 * password)} read as type {@code Users} keyed by {@code id}, with {@code password} a secret attribute. Names are unique,
 * so tests share the PostgreSQL server and the Connect cluster without colliding.
 */
final class DiffTestDb {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The role's password and the HMAC key: secrets the state topic and the logs must never show. */
    static final String DB_PASSWORD = "Db-Secret-7c1f0a9e";
    static final String HMAC_KEY = "Hmac-Secret-52b8d3e4";

    final PostgresServer pg;
    final String db;
    final String connector;
    final Path stateDir;

    DiffTestDb(PostgresServer pg, Path stateDir) {
        this.pg = pg;
        this.db = UniqueNames.of("db");
        this.connector = UniqueNames.of("diff");
        this.stateDir = stateDir;
        pg.createDatabase(db);
        pg.execute("CREATE ROLE " + db + " LOGIN PASSWORD '" + DB_PASSWORD + "'");
        sql("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO " + db,
                "CREATE TABLE users (id int PRIMARY KEY, login text NOT NULL, name text, email text, password text)");
    }

    /** The connector config of type {@code Users}, polled every {@code pollIntervalMs}; tests add or override keys. */
    Map<String, String> config(ConnectCluster connect, long pollIntervalMs) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", PollingDiffSourceConnector.class.getName());
        config.put("tasks.max", "1");
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put(PollingDiffConfig.TOPIC_PREFIX, connector);
        config.put(PollingDiffConfig.POLL_INTERVAL_MS, Long.toString(pollIntervalMs));
        config.put(PollingDiffConfig.STATE_KAFKA_BOOTSTRAP_SERVERS, connect.bootstrapServers());
        config.put(PollingDiffConfig.STATE_LOCAL_DIR, stateDir.toString());
        config.put(PollingDiffConfig.STATE_SECRET_KEY, HMAC_KEY);
        config.put("sources", "db");
        config.put("sources.db.kind", "jdbc");
        config.put("sources.db.jdbc.url", pg.jdbcUrl(db));
        config.put("sources.db.jdbc.user", db);
        config.put("sources.db.jdbc.password", DB_PASSWORD);
        config.put("types", "Users");
        config.put("types.Users.primary.key", "id");
        config.put("types.Users.sources", "db");
        config.put("types.Users.secret.attributes", "password");
        config.put("types.Users.sources.db.query", "SELECT id, login, name, email, password FROM users");
        config.put("types.Users.sources.db.attrs.id", "id");
        config.put("types.Users.sources.db.attrs.login", "login");
        config.put("types.Users.sources.db.attrs.name", "name");
        config.put("types.Users.sources.db.attrs.password", "password");
        return config;
    }

    void sql(String... statements) {
        pg.executeIn(db, statements);
    }

    /** Creates or reconfigures the connector and waits until its task runs. */
    void put(ConnectRestClient rest, Map<String, String> config) {
        rest.putConnectorConfig(connector, config);
        rest.awaitRunning(connector, 1, TIMEOUT);
    }

    /** The state directory of this connector's task: {@code state.local.dir}/{@code <name>}. */
    Path taskStateDir() {
        return stateDir.resolve(connector);
    }

    /** The output topic (single routing: the topic prefix). */
    String topic() {
        return connector;
    }

    /** The state topic's default name. */
    String stateTopic() {
        return connector + ".state";
    }

    /** The number of the last completed poll, as the task's JMX bean reports it (0 while none is, or no task runs). */
    long lastCompletedPoll() {
        try {
            ObjectName bean = ObjectName.getInstance("io.hermesconnect:type=polling-diff-source,name=" + ObjectName.quote(connector));
            return (Long) ManagementFactory.getPlatformMBeanServer().getAttribute(bean, "LastPoll");
        } catch (JMException e) {
            return 0;
        }
    }

    /** Waits until poll {@code poll} or a later one completed (its events acknowledged, its state written). */
    long awaitCompletedPoll(long poll) {
        return Wait.until("poll " + poll + " of " + connector + " completed", TIMEOUT, this::lastCompletedPoll, p -> p >= poll);
    }

    /** The change events read so far (tombstones left out). */
    static List<DiffEvent> events(TopicReader reader) {
        return reader.records().stream().map(record -> DiffEvent.of(reader, record)).filter(Objects::nonNull).toList();
    }

    /** Reads {@code topic} (one partition, no transactions) up to its current end: every record written so far. */
    static List<ConsumerRecord<byte[], byte[]>> readToEnd(ConnectCluster connect, TopicReader reader, String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        long end;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connect.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            end = consumer.endOffsets(List.of(partition)).get(partition);
        }
        return reader.awaitUntil("all " + end + " records", records -> records.size() >= end, TIMEOUT);
    }

    /** Every change event of the output topic so far (tombstones left out). */
    List<DiffEvent> allEvents(ConnectCluster connect, TopicReader reader) {
        readToEnd(connect, reader, topic());
        return events(reader);
    }

    /** One change event of the output topic: its operation, type, poll and row images. */
    record DiffEvent(String op, String type, long poll, Struct before, Struct after) {

        static DiffEvent of(TopicReader reader, ConsumerRecord<byte[], byte[]> record) {
            Struct value = (Struct) reader.value(record).value();
            if (value == null) {
                return null;
            }
            Struct source = value.getStruct("source");
            return new DiffEvent(value.getString("op"), source.getString("table"), source.getInt64("poll"),
                    value.getStruct("before"), value.getStruct("after"));
        }

        /** The image that identifies the object: {@code after}, or {@code before} for a delete. */
        Struct row() {
            return after != null ? after : before;
        }

        /** The object's {@code id}. */
        int id() {
            return row().getInt32("id");
        }

        /** A short form for assertions, e.g. {@code u:3}: the operation and the {@code id}, whatever its type. */
        String brief() {
            return op + ":" + row().get("id");
        }
    }
}
