package io.hermesconnect.source.wal.offset;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns Connect's acknowledgements into the LSN the slot may confirm. Records are acknowledged per
 * partition, so possibly out of order; the slot may only move to the commit LSN of the last record of
 * the longest acknowledged prefix of the records queued for {@code poll()}. Thread-safe: {@code poll()}, the
 * producer callbacks and the reader thread all use it.
 */
public final class CommitTracker {

    private static final class Entry {
        final long lsn;
        boolean acked;

        Entry(long lsn) {
            this.lsn = lsn;
        }
    }

    private final ArrayDeque<Entry> inFlight = new ArrayDeque<>();
    private final Map<SourceRecord, Entry> byRecord = new IdentityHashMap<>();
    private long safeLsn;

    /** Registers a record on its way to Connect, in the order {@code poll()} will return it. */
    public synchronized void submitted(SourceRecord record) {
        Entry entry = new Entry(lsnOf(record));
        inFlight.addLast(entry);
        byRecord.put(record, entry);
    }

    /** Connect wrote the record (or dropped it through a transform); advances the safe LSN over the acknowledged prefix. */
    public synchronized void acknowledged(SourceRecord record) {
        Entry entry = byRecord.remove(record);
        if (entry == null) {
            return;
        }
        entry.acked = true;
        while (!inFlight.isEmpty() && inFlight.peekFirst().acked) {
            long lsn = inFlight.removeFirst().lsn;
            if (Long.compareUnsigned(lsn, safeLsn) > 0) {
                safeLsn = lsn;
            }
        }
    }

    /** The highest LSN whose records, and all before them, Connect has written; 0 before the first. */
    public synchronized long safeLsn() {
        return safeLsn;
    }

    /** Whether every queued record has been acknowledged. */
    public synchronized boolean isEmpty() {
        return inFlight.isEmpty();
    }

    private static long lsnOf(SourceRecord record) {
        Object lsn = record.sourceOffset() == null ? null : record.sourceOffset().get(WalOffset.LSN);
        boolean snapshot = record.sourceOffset() != null && Boolean.TRUE.equals(record.sourceOffset().get(WalOffset.SNAPSHOT));
        // a snapshot record's LSN is the consistent point, where streaming will start: nothing to confirm yet
        return lsn instanceof Number n && !snapshot ? n.longValue() : 0;
    }
}
