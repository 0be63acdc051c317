package io.hermesconnect.source.wal;

import io.hermesconnect.common.config.EnumChoice;
import io.hermesconnect.common.config.GroupedConfigDef;
import io.hermesconnect.common.config.NonEmptyString;
import io.hermesconnect.common.config.PluginConfig;
import io.hermesconnect.source.wal.config.PublicationAutocreateMode;
import io.hermesconnect.source.wal.config.SnapshotMode;
import io.hermesconnect.source.wal.config.SslMode;
import io.hermesconnect.source.wal.config.TableFilter;
import io.hermesconnect.source.wal.config.TopicRouting;
import io.hermesconnect.source.wal.config.Validators;
import io.hermesconnect.source.wal.convert.DecimalHandlingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * The WAL source's configuration. Where a concept exists in Debezium's PostgreSQL connector the key has
 * Debezium's name and meaning, so switching is a change of {@code connector.class}; defaults differ only
 * where ours are safer (heartbeats on, our own slot and publication names, parallel snapshot).
 */
public final class WalSourceConfig extends PluginConfig {

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

    private static final EnumChoice<SslMode> SSL_MODES = EnumChoice.of(SslMode.class);
    private static final EnumChoice<PublicationAutocreateMode> PUBLICATION_AUTOCREATE_MODES =
            EnumChoice.of(PublicationAutocreateMode.class);
    private static final EnumChoice<SnapshotMode> SNAPSHOT_MODES = EnumChoice.of(SnapshotMode.class);
    private static final EnumChoice<TopicRouting> TOPIC_ROUTINGS = EnumChoice.of(TopicRouting.class);
    private static final EnumChoice<DecimalHandlingMode> DECIMAL_HANDLING_MODES = EnumChoice.of(DecimalHandlingMode.class);

    public static final ConfigDef CONFIG_DEF = new GroupedConfigDef()
            .group("Database")
            .define(HOSTNAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.HIGH,
                    "Host name or IP address of the PostgreSQL server.",
                    Width.MEDIUM, "Host")
            .define(PORT, Type.INT, 5432, Range.between(1, 65535), Importance.HIGH,
                    "Port of the PostgreSQL server.",
                    Width.SHORT, "Port")
            .define(USER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.HIGH,
                    "Role the connector logs in as. It needs the REPLICATION attribute (or superuser), SELECT on the "
                            + "captured tables for the snapshot, and ownership of the tables (or superuser) when it creates the publication.",
                    Width.MEDIUM, "User")
            .define(PASSWORD, Type.PASSWORD, null, null, Importance.HIGH,
                    "Password of the role; use a ConfigProvider reference to keep it out of the connector config.",
                    Width.MEDIUM, "Password")
            .define(DBNAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.HIGH,
                    "Database to capture. A replication slot belongs to one database.",
                    Width.MEDIUM, "Database")
            .define(SSLMODE, Type.STRING, EnumChoice.nameOf(SslMode.PREFER), SSL_MODES, Importance.MEDIUM,
                    "TLS mode of the connections, as PgJDBC's sslmode.",
                    Width.SHORT, "TLS mode", SSL_MODES)
            .group("Replication")
            .define(SLOT_NAME, Type.STRING, "hermes", Validators.slotName(), Importance.HIGH,
                    "Logical replication slot the connector reads; created with the pgoutput plugin when missing. "
                            + "One connector per slot. (Debezium's default is 'debezium'.)",
                    Width.MEDIUM, "Slot name")
            .define(PUBLICATION_NAME, Type.STRING, "hermes_publication", new NonEmptyString(), Importance.HIGH,
                    "Publication that selects the tables pgoutput sends. (Debezium's default is 'dbz_publication'.)",
                    Width.MEDIUM, "Publication name")
            .define(PUBLICATION_AUTOCREATE_MODE, Type.STRING, EnumChoice.nameOf(PublicationAutocreateMode.ALL_TABLES),
                    PUBLICATION_AUTOCREATE_MODES, Importance.MEDIUM,
                    "all_tables: create the publication FOR ALL TABLES when missing (needs superuser); filtered: create or "
                            + "update it to exactly the included tables on every start; disabled: the publication must exist.",
                    Width.SHORT, "Publication auto-creation", PUBLICATION_AUTOCREATE_MODES)
            .define(SLOT_DROP_ON_STOP, Type.BOOLEAN, false, null, Importance.LOW,
                    "Drop the slot when the task stops. Only for tests and throw-away setups: changes made while the "
                            + "connector is down are then lost.",
                    Width.SHORT, "Drop slot on stop")
            .define(STATUS_UPDATE_INTERVAL_MS, Type.INT, 10_000, Range.atLeast(100), Importance.LOW,
                    "How often the connector reports its flushed position to the server.",
                    Width.SHORT, "Status update interval (ms)")
            .define(HEARTBEAT_INTERVAL_MS, Type.INT, 10_000, Range.atLeast(0), Importance.MEDIUM,
                    "How often, while no captured change is in flight, the connector confirms the server's WAL position so "
                            + "the slot releases WAL even when only uncaptured tables or other databases change. 0 turns it off. "
                            + "(Debezium's default is 0, off.)",
                    Width.SHORT, "Heartbeat interval (ms)")
            .define(HEARTBEAT_ACTION_QUERY, Type.STRING, "", null, Importance.LOW,
                    "SQL run on every heartbeat, e.g. SELECT pg_logical_emit_message(false, 'heartbeat', now()::text), so a "
                            + "database without any write still produces WAL the slot can confirm. Empty: none.",
                    Width.LONG, "Heartbeat action query")
            .define(RETRY_WAIT_MS, Type.LONG, 10_000L, Range.atLeast(0), Importance.LOW,
                    "Wait before reconnecting after the server went away or the slot was in use.",
                    Width.SHORT, "Reconnect wait (ms)")
            .group("Filters")
            .define(SCHEMA_INCLUDE_LIST, Type.LIST, "", Validators.regexList(), Importance.MEDIUM,
                    "Regular expressions matching the names of schemas to capture; empty: all. Not with " + SCHEMA_EXCLUDE_LIST + ".",
                    Width.LONG, "Schemas to include")
            .define(SCHEMA_EXCLUDE_LIST, Type.LIST, "", Validators.regexList(), Importance.MEDIUM,
                    "Regular expressions matching the names of schemas not to capture.",
                    Width.LONG, "Schemas to exclude")
            .define(TABLE_INCLUDE_LIST, Type.LIST, "", Validators.regexList(), Importance.MEDIUM,
                    "Regular expressions matching schema.table of the tables to capture; empty: all. Not with " + TABLE_EXCLUDE_LIST + ".",
                    Width.LONG, "Tables to include")
            .define(TABLE_EXCLUDE_LIST, Type.LIST, "", Validators.regexList(), Importance.MEDIUM,
                    "Regular expressions matching schema.table of tables not to capture.",
                    Width.LONG, "Tables to exclude")
            .define(COLUMN_INCLUDE_LIST, Type.LIST, "", Validators.regexList(), Importance.LOW,
                    "Regular expressions matching schema.table.column of the columns to emit; empty: all. Not with " + COLUMN_EXCLUDE_LIST + ".",
                    Width.LONG, "Columns to include")
            .define(COLUMN_EXCLUDE_LIST, Type.LIST, "", Validators.regexList(), Importance.LOW,
                    "Regular expressions matching schema.table.column of columns to leave out of events.",
                    Width.LONG, "Columns to exclude")
            .group("Snapshot")
            .define(SNAPSHOT_MODE, Type.STRING, EnumChoice.nameOf(SnapshotMode.INITIAL), SNAPSHOT_MODES, Importance.MEDIUM,
                    "initial: read the tables' current rows (op=r) on the first start, then stream; never: stream only; "
                            + "initial_only: snapshot, then emit nothing more; when_needed: also snapshot again when the stored "
                            + "position is lost (slot dropped).",
                    Width.SHORT, "Snapshot mode", SNAPSHOT_MODES)
            .define(SNAPSHOT_MAX_THREADS, Type.INT, 4, Range.between(1, 64), Importance.LOW,
                    "Tables read in parallel by the snapshot, each on its own connection sharing one exported snapshot. "
                            + "(Debezium's default is 1.)",
                    Width.SHORT, "Snapshot threads")
            .define(SNAPSHOT_FETCH_SIZE, Type.INT, 10_240, Range.atLeast(1), Importance.LOW,
                    "Rows fetched per round trip while reading a table for the snapshot.",
                    Width.SHORT, "Snapshot fetch size")
            .group("Events")
            .define(TOPIC_PREFIX, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Validators.topicPrefix(), Importance.HIGH,
                    "Logical name of the source: prefix of every topic and schema name, and source.name of every event.",
                    Width.MEDIUM, "Topic prefix")
            .define(TOPIC_ROUTING, Type.STRING, EnumChoice.nameOf(TopicRouting.PER_TABLE), TOPIC_ROUTINGS, Importance.MEDIUM,
                    "per-table: a topic per table, <topic.prefix>.<schema>.<table>; single: every "
                            + "table's events on <topic.prefix>, in commit order.",
                    Width.SHORT, "Topic routing", TOPIC_ROUTINGS)
            .define(DECIMAL_HANDLING_MODE, Type.STRING, EnumChoice.nameOf(DecimalHandlingMode.PRECISE), DECIMAL_HANDLING_MODES,
                    Importance.MEDIUM,
                    "How numeric/decimal columns are emitted: precise (Connect Decimal), double, or string.",
                    Width.SHORT, "Decimal handling", DECIMAL_HANDLING_MODES)
            .define(TOMBSTONES_ON_DELETE, Type.BOOLEAN, true, null, Importance.MEDIUM,
                    "Follow each delete with a tombstone (null value), so a compacted topic keeps only live rows.",
                    Width.SHORT, "Tombstones on delete")
            .define(PROVIDE_TRANSACTION_METADATA, Type.BOOLEAN, false, null, Importance.LOW,
                    "Add the transaction block to events and write BEGIN/END records to <topic.prefix>.transaction.",
                    Width.SHORT, "Transaction metadata")
            .group("Performance")
            .define(MAX_BATCH_SIZE, Type.INT, 2048, Range.atLeast(1), Importance.LOW,
                    "Most records handed to Connect per poll.",
                    Width.SHORT, "Max batch size")
            .define(MAX_QUEUE_SIZE, Type.INT, 8192, Range.atLeast(2), Importance.LOW,
                    "Most decoded records waiting for Connect; the reader pauses when it is full. Must exceed " + MAX_BATCH_SIZE + ".",
                    Width.SHORT, "Max queue size")
            .define(STREAMING_ENABLED, Type.BOOLEAN, true, null, Importance.LOW,
                    "PostgreSQL 14+: have the server stream large transactions while they are in progress (pgoutput protocol 2), "
                            + "buffered here until they commit. On: the server's decoding memory and disk stay small and a large "
                            + "transaction reaches Kafka soon after its commit. Off: the server keeps the whole transaction (on its "
                            + "own disk past logical_decoding_work_mem) and sends it at commit, which is faster when catching up "
                            + "on a backlog of large committed transactions, as Debezium does.",
                    Width.SHORT, "Stream in-progress transactions")
            .define(STREAMING_BUFFER_BYTES, Type.LONG, 16L * 1024 * 1024, Range.atLeast(0), Importance.LOW,
                    "PostgreSQL 14+: bytes of in-progress streamed transactions kept in memory before they spill to disk.",
                    Width.SHORT, "Streamed transaction memory")
            .define(STREAMING_SPILL_DIR, Type.STRING, "", null, Importance.LOW,
                    "Directory for spilled streamed transactions; empty: the JVM's temporary directory.",
                    Width.LONG, "Spill directory")
            .configDef();

    public WalSourceConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
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
        return password(PASSWORD);
    }

    public String dbname() {
        return getString(DBNAME);
    }

    /** PgJDBC's {@code sslmode}, spelled as PgJDBC wants it whatever the case the user wrote it in. */
    public String sslmode() {
        return EnumChoice.nameOf(getEnum(SSLMODE, SSL_MODES));
    }

    public String slotName() {
        return getString(SLOT_NAME);
    }

    public String publicationName() {
        return getString(PUBLICATION_NAME);
    }

    public PublicationAutocreateMode publicationAutocreateMode() {
        return getEnum(PUBLICATION_AUTOCREATE_MODE, PUBLICATION_AUTOCREATE_MODES);
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
        return getEnum(SNAPSHOT_MODE, SNAPSHOT_MODES);
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
        return getEnum(TOPIC_ROUTING, TOPIC_ROUTINGS);
    }

    public DecimalHandlingMode decimalHandlingMode() {
        return getEnum(DECIMAL_HANDLING_MODE, DECIMAL_HANDLING_MODES);
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
