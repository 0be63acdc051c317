package io.hermesconnect.source.diff.poll;

import io.hermesconnect.common.event.SourceInfo.Snapshot;
import io.hermesconnect.source.diff.diff.Change;
import io.hermesconnect.source.diff.event.DiffRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The events of one poll, handed to Connect batch by batch as the diff produces them, and the count of those Connect
 * acknowledged. The poll is complete when every change was handed over and every record acknowledged: only then may its
 * state be written (a crash before re-emits the poll, never loses it).
 *
 * <p>Each change also goes to {@code stateChanges} as it is handed over, so that the state to write is collected off
 * the heap (the store spills it) rather than kept here.
 */
public final class PollEmission {

    private final long poll;
    private final Iterator<Change> changes;
    private final DiffRecords records;
    private final Consumer<Change> stateChanges;
    private final Instant polledAt;
    private final boolean snapshot;
    private final boolean emitEvents;
    private final Map<String, Long> eventsByOperation = new TreeMap<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private long handedOver;
    private long index;

    /**
     * @param poll         the poll's sequence number
     * @param changes      the poll's changes in emit order
     * @param records      builds the records of a change
     * @param stateChanges receives every change, events and state-only ones, as it is handed over
     * @param polledAt     when the poll's fetch started
     * @param mode         whether additions are snapshot reads, creations, or not emitted at all (state only)
     */
    public PollEmission(long poll, Iterator<Change> changes, DiffRecords records, Consumer<Change> stateChanges,
                        Instant polledAt, EmitMode mode) {
        this.poll = poll;
        this.changes = Objects.requireNonNull(changes, "changes");
        this.records = Objects.requireNonNull(records, "records");
        this.stateChanges = Objects.requireNonNull(stateChanges, "stateChanges");
        this.polledAt = Objects.requireNonNull(polledAt, "polledAt");
        this.snapshot = mode == EmitMode.SNAPSHOT;
        this.emitEvents = mode != EmitMode.STATE_ONLY;
    }

    /** How a poll's changes become events. */
    public enum EmitMode {
        /** Additions are {@code c} events. */
        CHANGES,
        /** The first poll of {@code snapshot.mode=initial}: additions are {@code r} events, marked as a snapshot. */
        SNAPSHOT,
        /** The first poll of {@code snapshot.mode=never}: nothing is emitted, the state is filled. */
        STATE_ONLY
    }

    /** The poll's sequence number. */
    public long poll() {
        return poll;
    }

    /**
     * The next records, at most about {@code maxRecords}, or an empty list when every change was handed over.
     */
    public List<SourceRecord> nextBatch(int maxRecords) {
        List<SourceRecord> batch = new ArrayList<>(Math.min(maxRecords, 1024));
        while (batch.size() < maxRecords && changes.hasNext()) {
            Change change = changes.next();
            stateChanges.accept(change);
            if (change.isEvent() && emitEvents) {
                Snapshot marker = !snapshot ? Snapshot.FALSE
                        : index == 0 ? Snapshot.FIRST
                        : changes.hasNext() ? Snapshot.TRUE : Snapshot.LAST;
                List<SourceRecord> built = records.records(change, poll, index++, marker, polledAt);
                eventsByOperation.merge(DiffRecords.operation(change.kind(), marker).code(), 1L, Long::sum);
                batch.addAll(built);
            }
        }
        handedOver += batch.size();
        return batch;
    }

    /** Whether every change was handed over. */
    public boolean drained() {
        return !changes.hasNext();
    }

    /** Connect acknowledged one of this poll's records (written, or dropped by a transform). */
    public void acknowledged() {
        acknowledged.incrementAndGet();
    }

    /** Whether every change was handed over and every record acknowledged: the state may now be written. */
    public boolean complete() {
        return drained() && acknowledged.get() >= handedOver;
    }

    /** Events handed over per operation code. */
    public Map<String, Long> eventsByOperation() {
        return Map.copyOf(eventsByOperation);
    }
}
