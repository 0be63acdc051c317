package io.hermesconnect.source.diff.store;

import io.hermesconnect.common.kafka.CompactedTopic;
import io.hermesconnect.common.kafka.CompactedTopic.OffsetRange;
import io.hermesconnect.source.diff.merge.LastEmittedState;
import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.MappingIterator;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.store.RestoreReport.Outcome;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last emitted snapshot of every type (DESIGN.md section 5, "State"): a compacted Kafka topic the connector owns
 * is the state, as a changelog in Kafka Streams is; the worker keeps a disk-backed copy of it ({@link LocalCopy}) that
 * the diff reads. Neither is ever whole on the heap: reads and restores stream.
 *
 * <p>A poll's new states are written through a {@link PollStateWriter}, and only once the poll's events were
 * acknowledged: first to the topic, then to the local copy. A crash in between leaves the copy behind the topic, and
 * the next {@link #open} catches it up.
 *
 * <p>One thread at a time, the task's, uses a store.
 */
public final class StateStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);

    private final CompactedTopic topic;
    private final LocalCopy local;
    private RestoreReport restore;
    private PollStateWriter writer;

    private StateStore(CompactedTopic topic, LocalCopy local) {
        this.topic = topic;
        this.local = local;
    }

    /**
     * Opens the store: creates or checks the state topic, then uses the local copy in {@code settings.directory()} as
     * is when it holds every record of the topic, catches it up when it is behind, and rebuilds it from the topic's
     * first record when it is missing, unreadable or of another topic (other name, or the topic was created again).
     * Logs which of the three happened, with counts and duration.
     *
     * @throws org.apache.kafka.connect.errors.ConnectException naming the topic when it cannot be set up or read
     */
    public static StateStore open(StateStoreSettings settings) {
        long start = System.nanoTime();
        CompactedTopic topic = CompactedTopic.open(settings.topicSettings());
        StateStore store = null;
        try {
            store = new StateStore(topic, LocalCopy.open(settings.directory()));
            store.restore(start);
            return store;
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            } else {
                topic.close();
            }
            throw e;
        }
    }

    private void restore(long start) {
        long end = topic.endOffset();
        Optional<ChangelogPosition> position = local.position();
        String rebuildReason = position.isEmpty() ? "there is no local copy" : rebuildReason(position.get(), end);
        Outcome outcome;
        long from;
        if (rebuildReason != null) {
            outcome = Outcome.REBUILT;
            local.reset(topic.name(), topic.id());
            from = topic.startOffset();
        } else {
            from = position.get().nextOffset();
            outcome = from == end ? Outcome.USED_AS_IS : Outcome.CAUGHT_UP;
        }
        long records = read(from, end);
        local.commit();
        Set<String> types = types();
        long objects = types.stream().mapToLong(this::size).sum();
        restore = new RestoreReport(outcome, records, objects, Duration.ofNanos(System.nanoTime() - start));
        LOG.info("State store of topic '{}' in {}: {}{}; {} records read, {} objects in {} types, in {} ms",
                topic.name(), local.file(), describe(outcome), rebuildReason == null ? "" : " (" + rebuildReason + ")",
                records, objects, types.size(), restore.duration().toMillis());
    }

    /** Why the local copy cannot be caught up, or null when it can. */
    private String rebuildReason(ChangelogPosition applied, long end) {
        if (!applied.topic().equals(topic.name())) {
            return "the local copy is of the topic '" + applied.topic() + "'";
        }
        if (!applied.topicId().equals(topic.id())) {
            return "the topic was created again since the local copy was made";
        }
        if (applied.nextOffset() > end) {
            return "the local copy is ahead of the topic, which must have been created again";
        }
        if (applied.nextOffset() < topic.startOffset()) {
            return "the topic no longer holds the records after the local copy's offset";
        }
        return null;
    }

    private static String describe(Outcome outcome) {
        return switch (outcome) {
            case USED_AS_IS -> "local copy current, used as is";
            case CAUGHT_UP -> "local copy behind, caught up";
            case REBUILT -> "local copy rebuilt from the topic";
        };
    }

    /** How the local copy was brought up to date when the store opened. */
    public RestoreReport restore() {
        return restore;
    }

    /**
     * The stored objects of {@code type}, sorted by {@link ObjectKey#compareTo}, read lazily from the local copy; none
     * when the type holds none. The iterator sees the state as it was when it was created.
     */
    public Iterator<DataObject> objects(String type) {
        return new MappingIterator<>(local.objects(type), EncodedObject::decode);
    }

    /** The stored objects of {@code type} as {@link #objects} gives them, each decoded only if asked. */
    public Iterator<EncodedObject> encodedObjects(String type) {
        return local.objects(type);
    }

    /** The keys of the stored objects of {@code type}, sorted as {@link #objects} is, without reading the objects. */
    public Iterator<ObjectKey> keys(String type) {
        return local.keys(type);
    }

    /** The stored object of {@code type} with {@code key}, if any. */
    public Optional<DataObject> find(String type, ObjectKey key) {
        return local.find(type, key);
    }

    /** The stored objects of {@code type} as the merge's fallback. */
    public LastEmittedState lastEmitted(String type) {
        return key -> find(type, key);
    }

    /** The types that hold at least one object, sorted by name. */
    public Set<String> types() {
        Set<String> types = local.types();
        types.remove(PollMarkers.TYPE);
        return types;
    }

    /** The sequence number of the last completed poll ({@link PollStateWriter#commit(long)}), 0 before the first. */
    public long lastPoll() {
        return PollMarkers.lastPoll(this);
    }

    /** The key a type's objects were stored under, if it was ever stored. */
    public Optional<StoredKey> storedKey(String type) {
        return PollMarkers.storedKey(this, type);
    }

    /** The number of stored objects of {@code type}. */
    public long size(String type) {
        return local.size(type);
    }

    /**
     * Starts collecting the new states of a poll; they reach the topic and the local copy only on
     * {@link PollStateWriter#commit(long)}.
     *
     * @throws IllegalStateException when the previous writer is neither committed nor discarded
     */
    public PollStateWriter begin() {
        if (writer != null) {
            throw new IllegalStateException("A poll's state is already being written: commit or discard it first");
        }
        writer = new PollStateWriter(this, local);
        return writer;
    }

    /** Writes the pending records to the topic and waits for their acknowledgement. */
    OffsetRange writePending() {
        for (Iterator<SerializedRecord> pending = local.pending(); pending.hasNext(); ) {
            SerializedRecord record = pending.next();
            topic.send(record.key(), record.value());
        }
        return topic.flush();
    }

    /**
     * Applies the pending records, which the topic acknowledged at {@code written}, to the local copy and saves it.
     * When they are not right after the local copy's offset (another client wrote to the topic, or an earlier commit
     * failed half-way), the copy catches up from the topic instead, which holds them too.
     */
    void applyPending(OffsetRange written) {
        long expected = local.position().orElseThrow().nextOffset();
        if (written.first() == expected && written.count() == local.pendingCount()) {
            for (Iterator<SerializedRecord> pending = local.pending(); pending.hasNext(); ) {
                local.apply(pending.next());
            }
            local.appliedUpTo(written.last() + 1);
        } else {
            LOG.warn("The state topic '{}' holds records this store did not write (its records start at offset {},"
                    + " the local copy's at {}): catching up from the topic", topic.name(), written.first(), expected);
            read(expected, written.last() + 1);
        }
        local.clearPending();
        local.commit();
    }

    /** Reads the topic's records from {@code from} to at least {@code end} into the local copy. */
    private long read(long from, long end) {
        try (BackgroundApply apply = new BackgroundApply(local, topic.name())) {
            long records = topic.read(from, end, apply);
            apply.finish();
            return records;
        }
    }

    /** Called by the writer once it is committed or discarded. */
    void writerDone(PollStateWriter done) {
        if (writer == done) {
            writer = null;
        }
    }

    /** Closes the topic's clients and the local copy, saving it. */
    @Override
    public void close() {
        try {
            topic.close();
        } finally {
            local.close();
        }
    }

    /** Closes without saving the local copy's unsaved changes, as a crash would. Visible for testing. */
    void closeAsCrashed() {
        try {
            topic.close();
        } finally {
            local.closeWithoutSaving();
        }
    }
}
