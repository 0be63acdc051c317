package io.hermesconnect.source.diff.store;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;

/**
 * The new states of one poll: collected on disk (the local copy's pending map, so a poll of any size fits) while the
 * poll runs, written to the state topic and applied to the local copy by {@link #commit(long)} once the poll's events
 * were acknowledged, or dropped by {@link #discard()}. Closing a writer that was not committed discards it.
 */
public final class PollStateWriter implements AutoCloseable {

    private final StateStore store;
    private final LocalCopy local;
    private boolean done;

    PollStateWriter(StateStore store, LocalCopy local) {
        this.store = store;
        this.local = local;
    }

    /**
     * Records the new state of an object of {@code type}.
     *
     * @throws IllegalArgumentException naming the type, the attribute and the value's class (never the value) when
     *                                  the state cannot hold one of the object's values
     */
    public void put(String type, DataObject state) {
        add(type, StateRecord.put(type, state));
    }

    /** Records that the object of {@code type} with {@code key} was deleted. */
    public void remove(String type, ObjectKey key) {
        add(type, StateRecord.remove(type, key));
    }

    private void add(String type, StateRecord record) {
        checkOpen();
        SerializedRecord serialized;
        try {
            serialized = record.serialize();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Type '" + type + "' " + e.getMessage(), e);
        }
        local.addPending(serialized);
    }

    /** Records the key {@code type}'s objects are stored under, read back by {@link StateStore#storedKey}. */
    public void storedKey(String type, StoredKey key) {
        add(PollMarkers.TYPE, StateRecord.put(PollMarkers.TYPE, PollMarkers.storedKey(type, key)));
    }

    /** Records that {@code type} is no longer stored (a type removed from the config, once its objects are removed). */
    public void forgetType(String type) {
        add(PollMarkers.TYPE, StateRecord.remove(PollMarkers.TYPE, PollMarkers.typeKey(type)));
    }

    /**
     * Records {@code poll} as the last completed poll, then writes every recorded state to the topic, waits until all
     * are acknowledged, applies them to the local copy and saves it. Call it only once the poll's events were
     * acknowledged.
     *
     * @throws org.apache.kafka.connect.errors.ConnectException naming the topic when it could not be written; the
     *         writer is then discarded, and the next poll emits its changes again
     */
    public void commit(long poll) {
        add(PollMarkers.TYPE, StateRecord.put(PollMarkers.TYPE, PollMarkers.lastPoll(poll)));
        try {
            if (local.pendingCount() > 0) {
                store.applyPending(store.writePending());
            }
        } finally {
            finish();
        }
    }

    /** Writes the recorded states to the topic only, as a crash right after would leave it. Visible for testing. */
    void writeToTopicOnly() {
        checkOpen();
        store.writePending();
    }

    /** Drops every recorded state: the state stays as the last committed poll left it. */
    public void discard() {
        if (!done) {
            finish();
        }
    }

    /** Discards the writer unless it was committed. */
    @Override
    public void close() {
        discard();
    }

    private void finish() {
        done = true;
        local.clearPending();
        store.writerDone(this);
    }

    private void checkOpen() {
        if (done) {
            throw new IllegalStateException("This poll's state was already committed or discarded");
        }
    }
}
