package io.hermesconnect.transforms.match;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Errors about one record, thrown as {@link DataException} so that Connect's error handling
 * ({@code errors.tolerance}, the dead-letter queue of sink connectors, {@code errors.log.enable}) takes
 * them: never a silent drop. The message names who failed ("Filter rule 'adults'") and where the record
 * is, and never holds a field's value: values may be secrets.
 */
public final class RecordErrors {

    private RecordErrors() {
    }

    /**
     * @param who     the transform and its part, e.g. {@code JinjaMapping attribute 'login' (attrs.login.template)}
     * @param problem what went wrong, without values
     */
    public static DataException error(String who, ConnectRecord<?> record, String problem, Throwable cause) {
        return new DataException(who + " failed on " + coordinates(record) + ": " + problem, cause);
    }

    /** Where a record is: topic and partition, plus the offset of a sink record or the source offset of a source record. */
    private static String coordinates(ConnectRecord<?> record) {
        StringBuilder where = new StringBuilder("record topic '").append(record.topic())
                .append("' partition ").append(record.kafkaPartition());
        if (record instanceof SinkRecord sink) {
            where.append(" offset ").append(sink.kafkaOffset());
        } else if (record instanceof SourceRecord source) {
            where.append(" source offset ").append(source.sourceOffset());
        }
        return where.toString();
    }
}
