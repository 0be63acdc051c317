package io.hermesconnect.source.wal.snapshot;

import io.hermesconnect.common.event.SourceInfo;
import io.hermesconnect.source.wal.event.RecordSink;
import io.hermesconnect.source.wal.offset.WalOffset;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The tables finished so far, shared by the snapshot threads, and the one place their rows are handed on.
 * Every record's offset lists only tables whose rows were all handed on before it, so a committed offset
 * never claims an unfinished table. The latest row is held back until the next one arrives, so that the
 * snapshot's very last record can carry {@code snapshot=last}.
 */
final class SnapshotProgress {

    /** Builds a row's record once its offset and marker are known. */
    @FunctionalInterface
    interface PendingRecord {
        SourceRecord build(String doneTables, SourceInfo.Snapshot marker);
    }

    private final Set<String> done;
    private final RecordSink sink;
    private int remaining;
    private String doneEncoded;
    private PendingRecord pending;

    SnapshotProgress(Set<String> alreadyDone, int tablesToRead, RecordSink sink) {
        this.done = new LinkedHashSet<>(alreadyDone);
        this.remaining = tablesToRead;
        this.sink = sink;
        this.doneEncoded = WalOffset.encodeTables(done);
    }

    synchronized void emit(PendingRecord row) {
        if (pending != null) {
            sink.accept(pending.build(doneEncoded, SourceInfo.Snapshot.TRUE));
        }
        pending = row;
    }

    /** A table was read completely; after the last one, the held-back row goes out as the snapshot's last record. */
    synchronized void finish(String dataCollection) {
        done.add(dataCollection);
        doneEncoded = WalOffset.encodeTables(done);
        if (--remaining == 0 && pending != null) {
            sink.accept(pending.build(doneEncoded, SourceInfo.Snapshot.LAST));
            pending = null;
        }
    }
}
