package io.hermesconnect.source.diff.store;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the state keeps about the polls themselves, beside the objects: the last completed poll, and the primary key each
 * stored type was stored under (so a type removed from the config, or whose key changed, can still be named). They
 * are objects of a reserved type, {@value #TYPE}, which no configured type can be called (type names have no dot), so
 * they travel through the topic, the restore and the local copy like any state.
 */
final class PollMarkers {

    /** The reserved type name. */
    static final String TYPE = ".polls";

    private static final ObjectKey LAST_POLL = new ObjectKey(List.of("last.poll"));
    private static final String POLL = "poll";
    private static final String PRIMARY_KEY = "primary.key";

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

    /** The object that records the primary key {@code type} is stored under. */
    static DataObject primaryKey(String type, List<String> primaryKey) {
        return new DataObject(typeKey(type), Map.of(PRIMARY_KEY, primaryKey));
    }

    /** The key of the object that records a type's primary key. */
    static ObjectKey typeKey(String type) {
        return new ObjectKey(List.of("type." + type));
    }

    /** The primary key {@code type} is stored under, if the type was ever stored. */
    @SuppressWarnings("unchecked")
    static Optional<List<String>> primaryKey(StateStore store, String type) {
        return store.find(TYPE, typeKey(type)).map(object -> (List<String>) object.get(PRIMARY_KEY));
    }
}
