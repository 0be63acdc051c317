package io.hermesconnect.source.wal;

import io.hermesconnect.source.wal.config.PublicationAutocreateMode;
import io.hermesconnect.source.wal.config.SnapshotMode;
import io.hermesconnect.source.wal.config.TableFilter;
import io.hermesconnect.source.wal.config.TopicRouting;
import io.hermesconnect.source.wal.config.Validators;
import io.hermesconnect.source.wal.convert.DecimalHandlingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

/**
 * The WAL source's configuration. Where a concept exists in Debezium's PostgreSQL connector the key has
 * Debezium's name and meaning, so switching is a change of {@code connector.class}; defaults differ only
 * where ours are safer (heartbeats on, our own slot and publication names, parallel snapshot).
 */
public final class WalSourceConfig extends AbstractConfig {

    public static final String HOSTNAME = "database.hostname";
    public static final String PORT = "database.port";
    public static final String USER = "database.user";
    public static final String PASSWORD = "database.password";
    public static final String DBNAME = "database.dbname";
    public static final String SSLMODE = "database.sslmode";

    public static final String SLOT_NAME = "slot.name";
    public static final String PUBLICATION_NAME = "publication.name";
    public static final String PUBLICATION_AUTOCREATE_MODE = "publication.autocreate.mode";
    public static final String SLOT_DROP_ON_STOP = "slot.drop.on.stop";
    public static final String STATUS_UPDATE_INTERVAL_MS = "status.update.interval.ms";
    public static final String HEARTBEAT_INTERVAL_MS = "heartbeat.interval.ms";
    public static final String HEARTBEAT_ACTION_QUERY = "heartbeat.action.query";
    public static final String RETRY_WAIT_MS = "retriable.restart.connector.wait.ms";

    public static final String SCHEMA_INCLUDE_LIST = "schema.include.list";
    public static final String SCHEMA_EXCLUDE_LIST = "schema.exclude.list";
    public static final String TABLE_INCLUDE_LIST = "table.include.list";
    public static final String TABLE_EXCLUDE_LIST = "table.exclude.list";
    public static final String COLUMN_INCLUDE_LIST = "column.include.list";
    public static final String COLUMN_EXCLUDE_LIST = "column.exclude.list";

    public static final String SNAPSHOT_MODE = "snapshot.mode";
    public static final String SNAPSHOT_MAX_THREADS = "snapshot.max.threads";
    public static final String SNAPSHOT_FETCH_SIZE = "snapshot.fetch.size";

    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String TOPIC_ROUTING = "topic.routing";
    public static final String DECIMAL_HANDLING_MODE = "decimal.handling.mode";
    public static final String TOMBSTONES_ON_DELETE = "tombstones.on.delete";
    public static final String PROVIDE_TRANSACTION_METADATA = "provide.transaction.metadata";

    public static final String MAX_BATCH_SIZE = "max.batch.size";
    public static final String MAX_QUEUE_SIZE = "max.queue.size";
    public static final String STREAMING_ENABLED = "streaming.enabled";
    public static final String STREAMING_BUFFER_BYTES = "streaming.buffer.memory.bytes";
    public static final String STREAMING_SPILL_DIR = "streaming.spill.directory";

    static final String GROUP_DATABASE = "Database";
    static final String GROUP_REPLICATION = "Replication";
    static final String GROUP_FILTERS = "Filters";
    static final String GROUP_SNAPSHOT = "Snapshot";
    static final String GROUP_EVENTS = "Events";
    static final String GROUP_PERFORMANCE = "Performance";

    public static final ConfigDef CONFIG_DEF = configDef();

    public WalSourceConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    private static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(HOSTNAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                "Host name or IP address of the PostgreSQL server.", GROUP_DATABASE, ++order, Width.MEDIUM, "Host");
        def.define(PORT, Type.INT, 5432, Range.between(1, 65535), Importance.HIGH,
                "Port of the PostgreSQL server.", GROUP_DATABASE, ++order, Width.SHORT, "Port");
        def.define(USER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                "Role the connector logs in as. It needs the REPLICATION attribute (or superuser), SELECT on the "
                        + "captured tables for the snapshot, and ownership of the tables (or superuser) when it creates the publication.",
                GROUP_DATABASE, ++order, Width.MEDIUM, "User");
        def.define(PASSWORD, Type.PASSWORD, null, Importance.HIGH,
                "Password of the role; use a ConfigProvider reference to keep it out of the connector config.",
                GROUP_DATABASE, ++order, Width.MEDIUM, "Password");
        def.define(DBNAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                "Database to capture. A replication slot belongs to one database.", GROUP_DATABASE, ++order, Width.MEDIUM, "Database");
        def.define(SSLMODE, Type.STRING, "prefer",
                Validators.oneOf("disable", "allow", "prefer", "require", "verify-ca", "verify-full"), Importance.MEDIUM,
                "TLS mode of the connections, as PgJDBC's sslmode.", GROUP_DATABASE, ++order, Width.SHORT, "TLS mode");

        order = 0;
        def.define(SLOT_NAME, Type.STRING, "hermes", Validators.slotName(), Importance.HIGH,
                "Logical replication slot the connector reads; created with the pgoutput plugin when missing. "
                        + "One connector per slot. (Debezium's default is 'debezium'.)",
                GROUP_REPLICATION, ++order, Width.MEDIUM, "Slot name");
        def.define(PUBLICATION_NAME, Type.STRING, "hermes_publication", new ConfigDef.NonEmptyString(), Importance.HIGH,
                "Publication that selects the tables pgoutput sends. (Debezium's default is 'dbz_publication'.)",
                GROUP_REPLICATION, ++order, Width.MEDIUM, "Publication name");
        def.define(PUBLICATION_AUTOCREATE_MODE, Type.STRING, PublicationAutocreateMode.ALL_TABLES.value(),
                Validators.oneOf("all_tables", "filtered", "disabled"), Importance.MEDIUM,
                "all_tables: create the publication FOR ALL TABLES when missing (needs superuser); filtered: create or "
                        + "update it to exactly the included tables on every start; disabled: the publication must exist.",
                GROUP_REPLICATION, ++order, Width.SHORT, "Publication auto-creation");
        def.define(SLOT_DROP_ON_STOP, Type.BOOLEAN, false, Importance.LOW,
                "Drop the slot when the task stops. Only for tests and throw-away setups: changes made while the "
                        + "connector is down are then lost.", GROUP_REPLICATION, ++order, Width.SHORT, "Drop slot on stop");
        def.define(STATUS_UPDATE_INTERVAL_MS, Type.INT, 10_000, Range.atLeast(100), Importance.LOW,
                "How often the connector reports its flushed position to the server.",
                GROUP_REPLICATION, ++order, Width.SHORT, "Status update interval (ms)");
        def.define(HEARTBEAT_INTERVAL_MS, Type.INT, 10_000, Range.atLeast(0), Importance.MEDIUM,
                "How often, while no captured change is in flight, the connector confirms the server's WAL position so "
                        + "the slot releases WAL even when only uncaptured tables or other databases change. 0 turns it off. "
                        + "(Debezium's default is 0, off.)", GROUP_REPLICATION, ++order, Width.SHORT, "Heartbeat interval (ms)");
        def.define(HEARTBEAT_ACTION_QUERY, Type.STRING, "", Importance.LOW,
                "SQL run on every heartbeat, e.g. SELECT pg_logical_emit_message(false, 'heartbeat', now()::text), so a "
                        + "database without any write still produces WAL the slot can confirm. Empty: none.",
                GROUP_REPLICATION, ++order, Width.LONG, "Heartbeat action query");
        def.define(RETRY_WAIT_MS, Type.LONG, 10_000L, Range.atLeast(0), Importance.LOW,
                "Wait before reconnecting after the server went away or the slot was in use.",
                GROUP_REPLICATION, ++order, Width.SHORT, "Reconnect wait (ms)");

        order = 0;
        def.define(SCHEMA_INCLUDE_LIST, Type.LIST, "", Validators.regexList(), Importance.MEDIUM,
                "Regular expressions matching the names of schemas to capture; empty: all. Not with " + SCHEMA_EXCLUDE_LIST + ".",
                GROUP_FILTERS, ++order, Width.LONG, "Schemas to include");
        def.define(SCHEMA_EXCLUDE_LIST, Type.LIST, "", Validators.regexList(), Importance.MEDIUM,
                "Regular expressions matching the names of schemas not to capture.", GROUP_FILTERS, ++order, Width.LONG, "Schemas to exclude");
        def.define(TABLE_INCLUDE_LIST, Type.LIST, "", Validators.regexList(), Importance.MEDIUM,
                "Regular expressions matching schema.table of the tables to capture; empty: all. Not with " + TABLE_EXCLUDE_LIST + ".",
                GROUP_FILTERS, ++order, Width.LONG, "Tables to include");
        def.define(TABLE_EXCLUDE_LIST, Type.LIST, "", Validators.regexList(), Importance.MEDIUM,
                "Regular expressions matching schema.table of tables not to capture.", GROUP_FILTERS, ++order, Width.LONG, "Tables to exclude");
        def.define(COLUMN_INCLUDE_LIST, Type.LIST, "", Validators.regexList(), Importance.LOW,
                "Regular expressions matching schema.table.column of the columns to emit; empty: all. Not with " + COLUMN_EXCLUDE_LIST + ".",
                GROUP_FILTERS, ++order, Width.LONG, "Columns to include");
        def.define(COLUMN_EXCLUDE_LIST, Type.LIST, "", Validators.regexList(), Importance.LOW,
                "Regular expressions matching schema.table.column of columns to leave out of events.",
                GROUP_FILTERS, ++order, Width.LONG, "Columns to exclude");

        order = 0;
        def.define(SNAPSHOT_MODE, Type.STRING, SnapshotMode.INITIAL.value(),
                Validators.oneOf("initial", "never", "initial_only", "when_needed"), Importance.MEDIUM,
                "initial: read the tables' current rows (op=r) on the first start, then stream; never: stream only; "
                        + "initial_only: snapshot, then emit nothing more; when_needed: also snapshot again when the stored "
                        + "position is lost (slot dropped).", GROUP_SNAPSHOT, ++order, Width.SHORT, "Snapshot mode");
        def.define(SNAPSHOT_MAX_THREADS, Type.INT, 4, Range.between(1, 64), Importance.LOW,
                "Tables read in parallel by the snapshot, each on its own connection sharing one exported snapshot. "
                        + "(Debezium's default is 1.)", GROUP_SNAPSHOT, ++order, Width.SHORT, "Snapshot threads");
        def.define(SNAPSHOT_FETCH_SIZE, Type.INT, 10_240, Range.atLeast(1), Importance.LOW,
                "Rows fetched per round trip while reading a table for the snapshot.", GROUP_SNAPSHOT, ++order, Width.SHORT, "Snapshot fetch size");

        order = 0;
        def.define(TOPIC_PREFIX, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Validators.topicPrefix(), Importance.HIGH,
                "Logical name of the source: prefix of every topic and schema name, and source.name of every event.",
                GROUP_EVENTS, ++order, Width.MEDIUM, "Topic prefix");
        def.define(TOPIC_ROUTING, Type.STRING, TopicRouting.PER_TABLE.value(), Validators.oneOf("per-table", "single"),
                Importance.MEDIUM, "per-table: a topic per table, <topic.prefix>.<schema>.<table>; single: every "
                        + "table's events on <topic.prefix>, in commit order.", GROUP_EVENTS, ++order, Width.SHORT, "Topic routing");
        def.define(DECIMAL_HANDLING_MODE, Type.STRING, "precise", Validators.oneOf("precise", "double", "string"), Importance.MEDIUM,
                "How numeric/decimal columns are emitted: precise (Connect Decimal), double, or string.",
                GROUP_EVENTS, ++order, Width.SHORT, "Decimal handling");
        def.define(TOMBSTONES_ON_DELETE, Type.BOOLEAN, true, Importance.MEDIUM,
                "Follow each delete with a tombstone (null value), so a compacted topic keeps only live rows.",
                GROUP_EVENTS, ++order, Width.SHORT, "Tombstones on delete");
        def.define(PROVIDE_TRANSACTION_METADATA, Type.BOOLEAN, false, Importance.LOW,
                "Add the transaction block to events and write BEGIN/END records to <topic.prefix>.transaction.",
                GROUP_EVENTS, ++order, Width.SHORT, "Transaction metadata");

        order = 0;
        def.define(MAX_BATCH_SIZE, Type.INT, 2048, Range.atLeast(1), Importance.LOW,
                "Most records handed to Connect per poll.", GROUP_PERFORMANCE, ++order, Width.SHORT, "Max batch size");
        def.define(MAX_QUEUE_SIZE, Type.INT, 8192, Range.atLeast(2), Importance.LOW,
                "Most decoded records waiting for Connect; the reader pauses when it is full. Must exceed " + MAX_BATCH_SIZE + ".",
                GROUP_PERFORMANCE, ++order, Width.SHORT, "Max queue size");
        def.define(STREAMING_ENABLED, Type.BOOLEAN, true, Importance.LOW,
                "PostgreSQL 14+: have the server stream large transactions while they are in progress (pgoutput protocol 2), "
                        + "buffered here until they commit. On: the server's decoding memory and disk stay small and a large "
                        + "transaction reaches Kafka soon after its commit. Off: the server keeps the whole transaction (on its "
                        + "own disk past logical_decoding_work_mem) and sends it at commit, which is faster when catching up "
                        + "on a backlog of large committed transactions, as Debezium does.",
                GROUP_PERFORMANCE, ++order, Width.SHORT, "Stream in-progress transactions");
        def.define(STREAMING_BUFFER_BYTES, Type.LONG, 16L * 1024 * 1024, Range.atLeast(0), Importance.LOW,
                "PostgreSQL 14+: bytes of in-progress streamed transactions kept in memory before they spill to disk.",
                GROUP_PERFORMANCE, ++order, Width.SHORT, "Streamed transaction memory");
        def.define(STREAMING_SPILL_DIR, Type.STRING, "", Importance.LOW,
                "Directory for spilled streamed transactions; empty: the JVM's temporary directory.",
                GROUP_PERFORMANCE, ++order, Width.LONG, "Spill directory");
        return def;
    }

    public String hostname() {
        return getString(HOSTNAME);
    }

    public int port() {
        return getInt(PORT);
    }

    public String user() {
        return getString(USER);
    }

    /** The password, or null when none is configured. */
    public String password() {
        Password password = getPassword(PASSWORD);
        return password == null ? null : password.value();
    }

    public String dbname() {
        return getString(DBNAME);
    }

    public String sslmode() {
        return getString(SSLMODE);
    }

    public String slotName() {
        return getString(SLOT_NAME);
    }

    public String publicationName() {
        return getString(PUBLICATION_NAME);
    }

    public PublicationAutocreateMode publicationAutocreateMode() {
        return PublicationAutocreateMode.parse(getString(PUBLICATION_AUTOCREATE_MODE));
    }

    public boolean slotDropOnStop() {
        return getBoolean(SLOT_DROP_ON_STOP);
    }

    public Duration statusUpdateInterval() {
        return Duration.ofMillis(getInt(STATUS_UPDATE_INTERVAL_MS));
    }

    /** The heartbeat interval, or {@link Duration#ZERO} when heartbeats are off. */
    public Duration heartbeatInterval() {
        return Duration.ofMillis(getInt(HEARTBEAT_INTERVAL_MS));
    }

    /** The heartbeat SQL, or null for none. */
    public String heartbeatActionQuery() {
        String query = getString(HEARTBEAT_ACTION_QUERY).trim();
        return query.isEmpty() ? null : query;
    }

    public Duration retryWait() {
        return Duration.ofMillis(getLong(RETRY_WAIT_MS));
    }

    public TableFilter tableFilter() {
        return new TableFilter(getList(SCHEMA_INCLUDE_LIST), getList(SCHEMA_EXCLUDE_LIST), getList(TABLE_INCLUDE_LIST),
                getList(TABLE_EXCLUDE_LIST), getList(COLUMN_INCLUDE_LIST), getList(COLUMN_EXCLUDE_LIST));
    }

    public SnapshotMode snapshotMode() {
        return SnapshotMode.parse(getString(SNAPSHOT_MODE));
    }

    public int snapshotMaxThreads() {
        return getInt(SNAPSHOT_MAX_THREADS);
    }

    public int snapshotFetchSize() {
        return getInt(SNAPSHOT_FETCH_SIZE);
    }

    public String topicPrefix() {
        return getString(TOPIC_PREFIX);
    }

    public TopicRouting topicRouting() {
        return TopicRouting.parse(getString(TOPIC_ROUTING));
    }

    public DecimalHandlingMode decimalHandlingMode() {
        return DecimalHandlingMode.valueOf(getString(DECIMAL_HANDLING_MODE).trim().toUpperCase(Locale.ROOT));
    }

    public boolean tombstonesOnDelete() {
        return getBoolean(TOMBSTONES_ON_DELETE);
    }

    public boolean provideTransactionMetadata() {
        return getBoolean(PROVIDE_TRANSACTION_METADATA);
    }

    public int maxBatchSize() {
        return getInt(MAX_BATCH_SIZE);
    }

    public int maxQueueSize() {
        return getInt(MAX_QUEUE_SIZE);
    }

    public boolean streamingEnabled() {
        return getBoolean(STREAMING_ENABLED);
    }

    public long streamingBufferBytes() {
        return getLong(STREAMING_BUFFER_BYTES);
    }

    public Path streamingSpillDirectory() {
        String dir = getString(STREAMING_SPILL_DIR).trim();
        return Path.of(dir.isEmpty() ? System.getProperty("java.io.tmpdir") : dir);
    }

    /** Pairs of keys that must not both be set, for the cross-field check of {@code validate()}. */
    static final String[][] EXCLUSIVE_LISTS = {
        {SCHEMA_INCLUDE_LIST, SCHEMA_EXCLUDE_LIST},
        {TABLE_INCLUDE_LIST, TABLE_EXCLUDE_LIST},
        {COLUMN_INCLUDE_LIST, COLUMN_EXCLUDE_LIST},
    };
}
