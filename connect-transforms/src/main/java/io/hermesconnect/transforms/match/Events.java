package io.hermesconnect.transforms.match;

import io.hermesconnect.common.event.ChangeEvent;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.DataException;

/** Reads records as change events for our transforms and predicates. */
public final class Events {

    private Events() {
    }

    /**
     * The record as a change event, or null when it is none (tombstones, transaction records, plain records).
     *
     * @param who the transform or predicate reading it, for the error message
     * @throws DataException naming {@code who} and the record when the envelope is malformed (an unknown op)
     */
    public static ChangeEvent readOrNull(String who, ConnectRecord<?> record) {
        if (!ChangeEvent.isChangeEvent(record)) {
            return null;
        }
        try {
            return ChangeEvent.of(record);
        } catch (DataException e) {
            throw RecordErrors.error(who, record, e.getMessage(), e);
        }
    }
}
