package io.hermesconnect.sink.http;

import io.hermesconnect.common.sink.ObjectKey;
import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.TrashedObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects this target trashed and the events that trashed them (a purge renders its delete request from them).
 * A web service cannot be asked what is in its trash, so the target remembers it; the ledger lives in memory, in
 * trash order, and a restarted task starts with an empty one. Thread-safe.
 */
final class TrashLedger {

    private record Entry(Instant trashedAt, SinkEvent event) {
    }

    private final Map<ObjectKey, Entry> trashed = new LinkedHashMap<>();

    synchronized void trashed(SinkEvent event, Instant at) {
        trashed.remove(event.object());
        trashed.put(event.object(), new Entry(at, event));
    }

    synchronized boolean contains(ObjectKey object) {
        return trashed.containsKey(object);
    }

    /** The event that trashed the object, or null when it is not in the trash. */
    synchronized SinkEvent trashEvent(ObjectKey object) {
        Entry entry = trashed.get(object);
        return entry == null ? null : entry.event();
    }

    synchronized void forget(ObjectKey object) {
        trashed.remove(object);
    }

    /**
     * The objects trashed before {@code cutoff}, in the order they were trashed: sources delete children before their
     * parents, so children are purged first.
     */
    synchronized List<TrashedObject> before(Instant cutoff) {
        List<TrashedObject> objects = new ArrayList<>();
        trashed.forEach((object, entry) -> {
            if (entry.trashedAt().isBefore(cutoff)) {
                objects.add(new TrashedObject(object, entry.trashedAt(), "the trash of kind '" + object.kind() + "'"));
            }
        });
        return objects;
    }
}
