package io.hermesconnect.common.event;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * Transaction metadata, shaped like Debezium 3.7's: the optional {@code transaction} block of each change
 * event, and the BEGIN/END records on {@code <topic.prefix>.transaction}. Fields, types, optionality and
 * schema versions are Debezium's, and so are the names of the block ({@code event.block}) and of an END
 * record's {@code data_collections} element ({@code event.collection}); the key and value schemas are named
 * in our namespace ({@code io.hermesconnect.TransactionMetadataKey}/{@code Value}), as the source block is.
 */
public final class TransactionMetadata {

    public static final String ID = "id";
    public static final String TOTAL_ORDER = "total_order";
    public static final String DATA_COLLECTION_ORDER = "data_collection_order";
    public static final String STATUS = "status";
    public static final String EVENT_COUNT = "event_count";
    public static final String DATA_COLLECTIONS = "data_collections";
    public static final String DATA_COLLECTION = "data_collection";
    public static final String TS_MS = "ts_ms";

    public static final String STATUS_BEGIN = "BEGIN";
    public static final String STATUS_END = "END";

    /** The schema version of the block, key, value and element: Debezium's. */
    public static final int SCHEMA_VERSION = 1;

    /** The suffix shared by our and Debezium's transaction record value schema names. */
    public static final String VALUE_SCHEMA_SUFFIX = "TransactionMetadataValue";

    /** The {@code transaction} block of a change event (Debezium calls it {@code event.block}). */
    public static final Schema BLOCK_SCHEMA = SchemaBuilder.struct()
            .name("event.block")
            .version(SCHEMA_VERSION)
            .optional()
            .field(ID, Schema.STRING_SCHEMA)
            .field(TOTAL_ORDER, Schema.INT64_SCHEMA)
            .field(DATA_COLLECTION_ORDER, Schema.INT64_SCHEMA)
            .build();

    public static final Schema KEY_SCHEMA = SchemaBuilder.struct()
            .name("io.hermesconnect.TransactionMetadataKey")
            .version(SCHEMA_VERSION)
            .field(ID, Schema.STRING_SCHEMA)
            .build();

    /** An element of an END record's {@code data_collections}: optional, as Debezium's. */
    private static final Schema DATA_COLLECTION_SCHEMA = SchemaBuilder.struct()
            .name("event.collection")
            .version(SCHEMA_VERSION)
            .optional()
            .field(DATA_COLLECTION, Schema.STRING_SCHEMA)
            .field(EVENT_COUNT, Schema.INT64_SCHEMA)
            .build();

    public static final Schema VALUE_SCHEMA = SchemaBuilder.struct()
            .name("io.hermesconnect." + VALUE_SCHEMA_SUFFIX)
            .version(SCHEMA_VERSION)
            .field(STATUS, Schema.STRING_SCHEMA)
            .field(ID, Schema.STRING_SCHEMA)
            .field(EVENT_COUNT, Schema.OPTIONAL_INT64_SCHEMA)
            .field(DATA_COLLECTIONS, SchemaBuilder.array(DATA_COLLECTION_SCHEMA).optional().build())
            .field(TS_MS, Schema.INT64_SCHEMA)
            .build();

    private TransactionMetadata() {
    }

    public static Struct block(String id, long totalOrder, long dataCollectionOrder) {
        return new Struct(BLOCK_SCHEMA)
                .put(ID, id)
                .put(TOTAL_ORDER, totalOrder)
                .put(DATA_COLLECTION_ORDER, dataCollectionOrder);
    }

    public static Struct key(String id) {
        return new Struct(KEY_SCHEMA).put(ID, id);
    }

    public static Struct begin(String id, long tsMs) {
        return new Struct(VALUE_SCHEMA).put(STATUS, STATUS_BEGIN).put(ID, id).put(TS_MS, tsMs);
    }

    /** @param eventsPerCollection events of the transaction per data collection ({@code schema.table}), in first-seen order */
    public static Struct end(String id, long tsMs, Map<String, Long> eventsPerCollection) {
        List<Struct> collections = eventsPerCollection.entrySet().stream()
                .map(e -> new Struct(DATA_COLLECTION_SCHEMA).put(DATA_COLLECTION, e.getKey()).put(EVENT_COUNT, e.getValue()))
                .toList();
        long total = eventsPerCollection.values().stream().mapToLong(Long::longValue).sum();
        return new Struct(VALUE_SCHEMA)
                .put(STATUS, STATUS_END)
                .put(ID, id)
                .put(EVENT_COUNT, total)
                .put(DATA_COLLECTIONS, collections)
                .put(TS_MS, tsMs);
    }

    /** Whether a record is a BEGIN/END transaction record, ours or Debezium's. */
    public static boolean isTransactionRecord(ConnectRecord<?> record) {
        Schema schema = record.valueSchema();
        return schema != null && schema.name() != null && schema.name().endsWith(VALUE_SCHEMA_SUFFIX);
    }
}
