package io.hermesconnect.common.event;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Headers;

/**
 * The headers that relate the two halves of a change of primary key, as Debezium writes them: the delete of
 * the old key (and its tombstone) carries the new key in {@code __debezium.newkey}, the create of the new key
 * carries the old key in {@code __debezium.oldkey}; each header value is the key Struct with the key schema.
 */
public final class KeyChangeHeaders {

    public static final String NEW_KEY = "__debezium.newkey";
    public static final String OLD_KEY = "__debezium.oldkey";

    private KeyChangeHeaders() {
    }

    /** The headers of the delete of the old key and of its tombstone. */
    public static Headers onDelete(Schema keySchema, Struct newKey) {
        return new ConnectHeaders().add(NEW_KEY, newKey, keySchema);
    }

    /** The headers of the create of the new key. */
    public static Headers onCreate(Schema keySchema, Struct oldKey) {
        return new ConnectHeaders().add(OLD_KEY, oldKey, keySchema);
    }
}
