package io.hermesconnect.source.wal.snapshot;

import io.hermesconnect.source.wal.event.RecordSink;
import io.hermesconnect.source.wal.offset.WalOffset;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The tables finished so far, shared by the snapshot threads. Records are handed on under this object's
 * lock, so the offset of every record lists only tables whose last record was handed on before it: the
 * offset Connect commits never claims a table whose rows are not all committed.
 */
final class SnapshotProgress {

    private final Set<String> done;
    private final RecordSink sink;
    private int remaining;
    private String doneEncoded;

    SnapshotProgress(Set<String> alreadyDone, int tablesToRead, RecordSink sink) {
        this.done = new LinkedHashSet<>(alreadyDone);
        this.remaining = tablesToRead;
        this.sink = sink;
        this.doneEncoded = WalOffset.encodeTables(done);
    }

    /** Hands on a row of an unfinished table; {@code build} gets the done-tables offset string. */
    synchronized void emit(Function<String, SourceRecord> build) {
        sink.accept(build.apply(doneEncoded));
    }

    /**
     * Marks a table finished and hands on its held-back last row (if any) with an offset that includes it.
     * {@code build} gets the offset string and whether this is the snapshot's last table.
     */
    synchronized void finish(String dataCollection, LastRecordBuilder build) {
        done.add(dataCollection);
        doneEncoded = WalOffset.encodeTables(done);
        remaining--;
        if (build != null) {
            sink.accept(build.build(doneEncoded, remaining == 0));
        }
    }

    @FunctionalInterface
    interface LastRecordBuilder {
        SourceRecord build(String doneEncoded, boolean lastOfSnapshot);
    }
}
