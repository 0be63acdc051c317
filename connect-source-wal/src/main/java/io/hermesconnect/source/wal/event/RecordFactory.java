package io.hermesconnect.source.wal.event;

import io.hermesconnect.common.event.ChangeEventSchemas;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.common.event.TransactionMetadata;
import io.hermesconnect.source.wal.config.TopicRouting;
import io.hermesconnect.source.wal.convert.TableSchema;
import io.hermesconnect.source.wal.offset.WalOffset;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Builds the task's SourceRecords: change events, tombstones and transaction BEGIN/END records, on the
 * topic {@code topic.routing} picks. Topic names are computed once per table.
 */
public final class RecordFactory {

    private final String topicPrefix;
    private final TopicRouting routing;
    private final Map<String, String> partition;
    private final String transactionTopic;
    private final Map<String, String> topics = new HashMap<>();

    public RecordFactory(String topicPrefix, TopicRouting routing) {
        this.topicPrefix = topicPrefix;
        this.routing = routing;
        this.partition = WalOffset.partition(topicPrefix);
        this.transactionTopic = topicPrefix + ".transaction";
    }

    public Map<String, String> partition() {
        return partition;
    }

    public String topic(TableSchema table) {
        if (routing == TopicRouting.SINGLE) {
            return topicPrefix;
        }
        return topics.computeIfAbsent(table.dataCollection(),
                c -> topicPrefix + "." + legal(table.schema()) + "." + legal(table.table()));
    }

    /**
     * A change event; the key comes from {@code after}, or from {@code before} when there is no after.
     *
     * @param headers the record's headers, or null for none
     */
    public SourceRecord change(TableSchema table, Map<String, ?> offset, Operation op, Struct before, Struct after,
            Struct source, Struct transaction, Instant processedAt, Headers headers) {
        ChangeEventSchemas schemas = table.schemas();
        Struct key = schemas.key(after != null ? after : before);
        Struct value = schemas.envelope(op, before, after, source, transaction, processedAt);
        return new SourceRecord(partition, offset, topic(table), null,
                key == null ? null : schemas.keySchema(), key, schemas.valueSchema(), value, null, headers);
    }

    /** The tombstone after a delete: same key and headers, null value, so compaction removes the row. */
    public SourceRecord tombstone(TableSchema table, Map<String, ?> offset, Struct key, Headers headers) {
        return new SourceRecord(partition, offset, topic(table), null, table.schemas().keySchema(), key, null, null,
                null, headers);
    }

    public SourceRecord transactionBegin(Map<String, ?> offset, String id, long tsMs) {
        return transactionRecord(offset, id, TransactionMetadata.begin(id, tsMs));
    }

    public SourceRecord transactionEnd(Map<String, ?> offset, String id, long tsMs, Map<String, Long> eventsPerCollection) {
        return transactionRecord(offset, id, TransactionMetadata.end(id, tsMs, eventsPerCollection));
    }

    private SourceRecord transactionRecord(Map<String, ?> offset, String id, Struct value) {
        return new SourceRecord(partition, offset, transactionTopic, null, TransactionMetadata.KEY_SCHEMA,
                TransactionMetadata.key(id), TransactionMetadata.VALUE_SCHEMA, value);
    }

    /** Kafka topic names allow only {@code [a-zA-Z0-9._-]}; anything else becomes '_'. */
    static String legal(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            out.append(ok ? c : '_');
        }
        return out.toString();
    }
}
