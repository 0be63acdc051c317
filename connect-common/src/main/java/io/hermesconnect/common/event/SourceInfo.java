package io.hermesconnect.common.event;

import io.hermesconnect.common.Version;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * The {@code source} block of a change event: where and when a change happened. Field names are
 * Debezium's, so tools that read Debezium's source block read ours.
 *
 * <p>A task keeps one instance per source and updates the position fields as it goes; {@link #struct()}
 * snapshots the current values into a new Struct for each event.
 */
public final class SourceInfo {

    public static final String SCHEMA_NAME = "io.hermesconnect.Source";

    public static final String VERSION = "version";
    public static final String CONNECTOR = "connector";
    public static final String NAME = "name";
    public static final String TS_MS = "ts_ms";
    public static final String SNAPSHOT = "snapshot";
    public static final String DB = "db";
    public static final String SCHEMA = "schema";
    public static final String TABLE = "table";
    public static final String TX_ID = "txId";
    public static final String LSN = "lsn";
    public static final String POLL = "poll";
    public static final String SEQUENCE = "sequence";

    public static final String CONNECTOR_WAL = "wal";
    public static final String CONNECTOR_POLLING_DIFF = "polling-diff";

    public static final Schema STRUCT_SCHEMA = SchemaBuilder.struct()
            .name(SCHEMA_NAME)
            .field(VERSION, Schema.STRING_SCHEMA)
            .field(CONNECTOR, Schema.STRING_SCHEMA)
            .field(NAME, Schema.STRING_SCHEMA)
            .field(TS_MS, Schema.INT64_SCHEMA)
            .field(SNAPSHOT, SchemaBuilder.string().optional().defaultValue(Snapshot.FALSE.value()).build())
            .field(DB, Schema.STRING_SCHEMA)
            .field(SCHEMA, Schema.OPTIONAL_STRING_SCHEMA)
            .field(TABLE, Schema.STRING_SCHEMA)
            .field(TX_ID, Schema.OPTIONAL_INT64_SCHEMA)
            .field(LSN, Schema.OPTIONAL_INT64_SCHEMA)
            .field(POLL, Schema.OPTIONAL_INT64_SCHEMA)
            .field(SEQUENCE, Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    /** The {@code snapshot} marker: not a snapshot, a snapshot record, or the last one of the snapshot. */
    public enum Snapshot {
        FALSE("false"), TRUE("true"), LAST("last");

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
    private String schema;
    private String table;
    private long tsMs;
    private Snapshot snapshot = Snapshot.FALSE;
    private Long txId;
    private Long lsn;
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

    /** The table (or, for the diff source, the type) and its schema, which may be null. */
    public SourceInfo table(String schema, String table) {
        this.schema = schema;
        this.table = table;
        return this;
    }

    /** When the change was committed in the source, in epoch milliseconds. */
    public SourceInfo commitTime(long tsMs) {
        this.tsMs = tsMs;
        return this;
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

    /** The diff source's poll sequence number. */
    public SourceInfo poll(Long poll) {
        this.poll = poll;
        return this;
    }

    /** An opaque position inside a transaction or poll, Debezium-style (e.g. {@code ["<last commit lsn>","<lsn>"]}). */
    public SourceInfo sequence(String sequence) {
        this.sequence = sequence;
        return this;
    }

    public Struct struct() {
        return new Struct(STRUCT_SCHEMA)
                .put(VERSION, Version.get())
                .put(CONNECTOR, connector)
                .put(NAME, name)
                .put(TS_MS, tsMs)
                .put(SNAPSHOT, snapshot.value())
                .put(DB, db)
                .put(SCHEMA, schema)
                .put(TABLE, table)
                .put(TX_ID, txId)
                .put(LSN, lsn)
                .put(POLL, poll)
                .put(SEQUENCE, sequence);
    }
}
