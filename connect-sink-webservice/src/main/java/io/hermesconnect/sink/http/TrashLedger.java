package io.hermesconnect.sink.http;

import io.hermesconnect.common.sink.ObjectKey;
import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.TrashedObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The objects the target trashed and the events that trashed them (a purge renders its delete request from them).
 * A web service cannot be asked what is in its trash, so the target remembers it: in memory, in trash order, written
 * through to a {@link TrashStore} so that a restarted task, or the task a partition moves to, still recycles and
 * purges them. An object belongs to the partition of the record that trashed it; {@link #open} reads the objects of
 * the partitions a task is assigned, {@link #close} forgets them. Used from the task's thread only.
 */
public final class TrashLedger implements AutoCloseable {

    private final TrashStore store;
    private final Map<ObjectKey, TrashStore.Entry> trashed = new LinkedHashMap<>();

    public TrashLedger(TrashStore store) {
        this.store = store;
    }

    /** Takes over the objects the store holds for {@code partitions}, replacing what the ledger had of them. */
    void open(Collection<TopicPartition> partitions) {
        forget(partitions);
        List<Map.Entry<ObjectKey, TrashStore.Entry>> all = new ArrayList<>(trashed.entrySet());
        all.addAll(store.load(partitions).entrySet());
        all.sort(Comparator.comparing(entry -> entry.getValue().trashedAt()));
        trashed.clear();
        all.forEach(entry -> trashed.put(entry.getKey(), entry.getValue()));
    }

    /** Forgets the objects of partitions the task no longer owns; they stay in the store for the next owner. */
    void close(Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    private void forget(Collection<TopicPartition> partitions) {
        trashed.values().removeIf(entry -> partitions.contains(entry.partition()));
    }

    void trashed(SinkEvent event, Instant at) {
        TrashStore.Entry entry = new TrashStore.Entry(at, event);
        trashed.remove(event.object());
        trashed.put(event.object(), entry);
        store.save(event.object(), entry);
    }

    boolean contains(ObjectKey object) {
        return trashed.containsKey(object);
    }

    /** The event that trashed the object, or null when it is not in the trash. */
    SinkEvent trashEvent(ObjectKey object) {
        TrashStore.Entry entry = trashed.get(object);
        return entry == null ? null : entry.event();
    }

    void forget(ObjectKey object) {
        if (trashed.remove(object) != null) {
            store.save(object, null);
        }
    }

    /** Makes every change so far durable. */
    void flush() {
        store.flush();
    }

    /**
     * The objects trashed before {@code cutoff}, in the order they were trashed: sources delete children before their
     * parents, so children are purged first.
     */
    List<TrashedObject> before(Instant cutoff) {
        List<TrashedObject> objects = new ArrayList<>();
        trashed.forEach((object, entry) -> {
            if (entry.trashedAt().isBefore(cutoff)) {
                objects.add(new TrashedObject(object, entry.trashedAt(), "the trash of kind '" + object.kind() + "'"));
            }
        });
        return objects;
    }

    @Override
    public void close() {
        store.close();
    }
}
