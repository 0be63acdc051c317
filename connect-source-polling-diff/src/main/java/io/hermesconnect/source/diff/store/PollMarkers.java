package io.hermesconnect.source.diff.store;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the state keeps about the polls themselves, beside the objects: the last completed poll, and the primary key each
 * stored type was stored under, with its key's schemas (so that a type removed from the config, or whose key changed,
 * can still be deleted under the very keys its events had). They
 * are objects of a reserved type, {@value #TYPE}, which no configured type can be called (type names have no dot), so
 * they travel through the topic, the restore and the local copy like any state.
 */
final class PollMarkers {

    /** The reserved type name. */
    static final String TYPE = ".polls";

    private static final ObjectKey LAST_POLL = new ObjectKey(List.of("last.poll"));
    private static final String POLL = "poll";
    private static final String PRIMARY_KEY = "primary.key";
    private static final String KEY_SCHEMAS = "key.schemas";

    private PollMarkers() {
    }

    /** The object that records {@code poll} as the last completed one. */
    static DataObject lastPoll(long poll) {
        return new DataObject(LAST_POLL, Map.of(POLL, poll));
    }

    /** The last completed poll's sequence number, 0 before the first. */
    static long lastPoll(StateStore store) {
        return store.find(TYPE, LAST_POLL).map(object -> (Long) object.get(POLL)).orElse(0L);
    }

    /** The object that records the key {@code type} is stored under. */
    static DataObject storedKey(String type, StoredKey key) {
        return new DataObject(typeKey(type), Map.of(PRIMARY_KEY, key.attributes(), KEY_SCHEMAS, key.schemas()));
    }

    /** The key of the object that records a type's primary key. */
    static ObjectKey typeKey(String type) {
        return new ObjectKey(List.of("type." + type));
    }

    /** The key {@code type} is stored under, if the type was ever stored. */
    @SuppressWarnings("unchecked")
    static Optional<StoredKey> storedKey(StateStore store, String type) {
        return store.find(TYPE, typeKey(type)).map(object -> new StoredKey((List<String>) object.get(PRIMARY_KEY),
                (List<String>) object.get(KEY_SCHEMAS)));
    }
}
