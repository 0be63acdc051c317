package io.hermesconnect.common.event;

import io.hermesconnect.common.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * The {@code source} block of a change event: where and when a change happened. It carries every field of
 * Debezium 3.7's PostgreSQL source block ({@code io.debezium.connector.postgresql.Source}), with the same
 * names, types, optionality, order and meaning, then ours ({@code poll}); so tools that read Debezium's source
 * block read ours. A field a source cannot know is null: {@code xmin} always (Debezium too leaves it null
 * unless {@code xmin.fetch.interval.ms} is set); {@code txId}, {@code lsn}, {@code origin} and
 * {@code origin_lsn} for the diff source. The required {@code schema} is the empty string where a source has
 * no schemas (diff source types), as Debezium writes an unknown {@code db}. Of the {@code snapshot} markers,
 * {@code incremental} is never written: incremental snapshots are Debezium's. The schema's name is ours; every
 * deliberate difference from Debezium's events is listed in the WAL source guide ({@code wal-source.md}).
 *
 * <p>A task keeps one instance per source and updates the position fields as it goes; {@link #struct()}
 * snapshots the current values into a new Struct for each event.
 */
public final class SourceInfo {

    public static final String SCHEMA_NAME = "io.hermesconnect.Source";
    /** The source block's schema version, Debezium's. */
    public static final int SCHEMA_VERSION = 1;

    public static final String VERSION = "version";
    public static final String CONNECTOR = "connector";
    public static final String NAME = "name";
    public static final String TS_MS = "ts_ms";
    public static final String SNAPSHOT = "snapshot";
    public static final String DB = "db";
    public static final String SEQUENCE = "sequence";
    public static final String TS_US = "ts_us";
    public static final String TS_NS = "ts_ns";
    public static final String SCHEMA = "schema";
    public static final String TABLE = "table";
    public static final String TX_ID = "txId";
    public static final String LSN = "lsn";
    public static final String XMIN = "xmin";
    public static final String ORIGIN = "origin";
    public static final String ORIGIN_LSN = "origin_lsn";
    public static final String POLL = "poll";

    public static final String CONNECTOR_WAL = "wal";
    public static final String CONNECTOR_POLLING_DIFF = "polling-diff";

    /** Debezium's enumeration logical type: a string restricted to the values of its {@code allowed} parameter. */
    public static final String ENUM_LOGICAL_NAME = "io.debezium.data.Enum";
    public static final String ENUM_ALLOWED = "allowed";

    /** {@code snapshot}: Debezium's enum type with its allowed values, optional, default {@code false}. */
    public static final Schema SNAPSHOT_SCHEMA = SchemaBuilder.string()
            .name(ENUM_LOGICAL_NAME)
            .version(1)
            .parameter(ENUM_ALLOWED, Arrays.stream(Snapshot.values()).map(Snapshot::value).collect(Collectors.joining(",")))
            .optional()
            .defaultValue(Snapshot.FALSE.value())
            .build();

    public static final Schema STRUCT_SCHEMA = SchemaBuilder.struct()
            .name(SCHEMA_NAME)
            .version(SCHEMA_VERSION)
            .field(VERSION, Schema.STRING_SCHEMA)
            .field(CONNECTOR, Schema.STRING_SCHEMA)
            .field(NAME, Schema.STRING_SCHEMA)
            .field(TS_MS, Schema.INT64_SCHEMA)
            .field(SNAPSHOT, SNAPSHOT_SCHEMA)
            .field(DB, Schema.STRING_SCHEMA)
            .field(SEQUENCE, Schema.OPTIONAL_STRING_SCHEMA)
            .field(TS_US, Schema.OPTIONAL_INT64_SCHEMA)
            .field(TS_NS, Schema.OPTIONAL_INT64_SCHEMA)
            .field(SCHEMA, Schema.STRING_SCHEMA)
            .field(TABLE, Schema.STRING_SCHEMA)
            .field(TX_ID, Schema.OPTIONAL_INT64_SCHEMA)
            .field(LSN, Schema.OPTIONAL_INT64_SCHEMA)
            .field(XMIN, Schema.OPTIONAL_INT64_SCHEMA)
            .field(ORIGIN, Schema.OPTIONAL_STRING_SCHEMA)
            .field(ORIGIN_LSN, Schema.OPTIONAL_INT64_SCHEMA)
            .field(POLL, Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    /**
     * The {@code snapshot} marker, in the order of Debezium's allowed values: a snapshot record, the first one
     * of the snapshot, the first and last of a table, the last one of the snapshot, not a snapshot record, and
     * Debezium's incremental snapshots (which our sources do not take).
     */
    public enum Snapshot {
        TRUE("true"), FIRST("first"), FIRST_IN_DATA_COLLECTION("first_in_data_collection"),
        LAST_IN_DATA_COLLECTION("last_in_data_collection"), LAST("last"), FALSE("false"), INCREMENTAL("incremental");

        private final String value;

        Snapshot(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    private final String connector;
    private final String name;
    private final String db;
    private String schema = "";
    private String table;
    private Instant commitTime = Instant.EPOCH;
    private Snapshot snapshot = Snapshot.FALSE;
    private Long txId;
    private Long lsn;
    private String origin;
    private Long originLsn;
    private Long poll;
    private String sequence;

    /**
     * @param connector {@link #CONNECTOR_WAL} or {@link #CONNECTOR_POLLING_DIFF}
     * @param name      the connector's topic prefix
     * @param db        the source database (for the diff source: the source set's name)
     */
    public SourceInfo(String connector, String name, String db) {
        this.connector = connector;
        this.name = name;
        this.db = db;
    }

    /** The table (or, for the diff source, the type) and its schema; a null schema (no schemas) is written as {@code ""}. */
    public SourceInfo table(String schema, String table) {
        this.schema = schema == null ? "" : schema;
        this.table = table;
        return this;
    }

    /** When the change was committed in the source: {@code ts_ms}, {@code ts_us} and {@code ts_ns}. */
    public SourceInfo commitTime(Instant time) {
        this.commitTime = time;
        return this;
    }

    /** {@link #commitTime(Instant)} for a source whose clock has millisecond resolution. */
    public SourceInfo commitTime(long epochMillis) {
        return commitTime(Instant.ofEpochMilli(epochMillis));
    }

    public SourceInfo snapshot(Snapshot snapshot) {
        this.snapshot = snapshot;
        return this;
    }

    public SourceInfo txId(Long txId) {
        this.txId = txId;
        return this;
    }

    /** The WAL position of the change (commit LSN for streamed changes). */
    public SourceInfo lsn(Long lsn) {
        this.lsn = lsn;
        return this;
    }

    /**
     * The replication origin the transaction was replayed from (logical replication between servers) and its
     * commit LSN on that origin; both null for a transaction made on this server.
     */
    public SourceInfo origin(String origin, Long originLsn) {
        this.origin = origin;
        this.originLsn = originLsn;
        return this;
    }

    /** The diff source's poll sequence number. */
    public SourceInfo poll(Long poll) {
        this.poll = poll;
        return this;
    }

    /** A position inside a transaction or poll that orders its events, a JSON array of strings (WAL: {@code ["<commit lsn>","<index>"]}). */
    public SourceInfo sequence(String sequence) {
        this.sequence = sequence;
        return this;
    }

    public Struct struct() {
        return new Struct(STRUCT_SCHEMA)
                .put(VERSION, Version.get())
                .put(CONNECTOR, connector)
                .put(NAME, name)
                .put(TS_MS, commitTime.toEpochMilli())
                .put(SNAPSHOT, snapshot.value())
                .put(DB, db)
                .put(SEQUENCE, sequence)
                .put(TS_US, EpochTime.micros(commitTime))
                .put(TS_NS, EpochTime.nanos(commitTime))
                .put(SCHEMA, schema)
                .put(TABLE, table)
                .put(TX_ID, txId)
                .put(LSN, lsn)
                .put(ORIGIN, origin)
                .put(ORIGIN_LSN, originLsn)
                .put(POLL, poll);
    }
}
