package io.hermesconnect.source.wal.event;

import io.hermesconnect.common.event.KeyChangeHeaders;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.common.event.SourceInfo;
import io.hermesconnect.common.event.TransactionMetadata;
import io.hermesconnect.source.wal.convert.TableSchema;
import io.hermesconnect.source.wal.offset.WalOffset;
import io.hermesconnect.source.wal.pgoutput.PgOutputListener;
import io.hermesconnect.source.wal.pgoutput.PgTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Headers;

/**
 * Turns decoded pgoutput callbacks into records, in commit order. Every record of a transaction carries
 * the transaction's commit LSN and its index in the transaction; after a restart or reconnect the server
 * re-sends transactions from the confirmed LSN and this class skips exactly the records already emitted.
 * Protocol-2 stream blocks are handed to {@link StreamControl}, which buffers them and replays them here
 * once their COMMIT arrives, so aborted work is never emitted.
 */
public final class ChangeEmitter implements PgOutputListener {

    /** The reader's side of streamed in-progress transactions. */
    public interface StreamControl {
        /** Messages of {@code xid} follow until the block ends: buffer them instead of decoding. */
        void blockStarted(int xid);

        void blockEnded();

        /** Feeds the committed transaction's buffered messages back through the decoder. */
        void replay(int xid);

        void abort(int xid, int subXid);
    }

    private final RecordFactory records;
    private final RecordSink sink;
    private final SourceInfo source;
    private final boolean tombstones;
    private final boolean transactionMetadata;
    private StreamControl streams;

    private long resumeLsn;
    private long resumeEvent;
    private long lastEmittedLsn;
    private long lastEmittedEvent;

    private boolean inTransaction;
    private long commitLsn;
    private Instant commitTime;
    private String origin;
    private Long originLsn;
    private long xid;
    private long index;
    private long messageLsn;
    private String transactionId;
    private long totalOrder;
    private final Map<String, Long> perCollection = new LinkedHashMap<>();

    public ChangeEmitter(RecordFactory records, RecordSink sink, SourceInfo source, boolean tombstones,
            boolean transactionMetadata) {
        this.records = records;
        this.sink = sink;
        this.source = source;
        this.tombstones = tombstones;
        this.transactionMetadata = transactionMetadata;
    }

    public void streams(StreamControl control) {
        this.streams = control;
    }

    /** Records of transactions committed before {@code lsn}, and the first {@code event} ones of the one at it, are skipped. */
    public void resumeAfter(long lsn, long event) {
        this.resumeLsn = lsn;
        this.resumeEvent = event;
    }

    /** After a reconnect: the server re-sends from its confirmed LSN; skip what this emitter already emitted. */
    public void resumeAfterLastEmitted() {
        if (lastEmittedLsn != 0) {
            resumeAfter(lastEmittedLsn, lastEmittedEvent);
        }
        inTransaction = false;
    }

    /** The WAL position of the message being decoded (XLogData start), for the event's {@code source.lsn}. */
    public void messageLsn(long lsn) {
        this.messageLsn = lsn;
    }

    /** Whether a plain transaction's changes are being decoded (its commit not yet seen). */
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public void begin(long finalLsn, long commitTimeMicros, int xid) {
        startTransaction(finalLsn, commitTimeMicros, xid);
    }

    @Override
    public void commit(long commitLsn, long endLsn, long commitTimeMicros) {
        endTransaction();
    }

    @Override
    public void origin(long originLsn, String name) {
        this.origin = name;
        this.originLsn = originLsn;
    }

    @Override
    public void relation(TableSchema table) {
        // schemas travel with each record; nothing to emit
    }

    @Override
    public void insert(int xid, TableSchema table, Struct after) {
        change(table, Operation.CREATE, null, after, null);
    }

    @Override
    public void update(int xid, TableSchema table, Struct before, Struct after) {
        // without an old row (no REPLICA IDENTITY FULL, key unchanged) there is no key to compare: build none
        Struct oldKey = table.schemas().key(before);
        Struct newKey = oldKey == null ? null : table.schemas().key(after);
        if (oldKey != null && !Objects.equals(oldKey, newKey)) {
            // a changed primary key is a different row: delete the old one, create the new one, each naming the
            // other's key in a header (as Debezium does)
            Schema keySchema = table.schemas().keySchema();
            delete(table, before, KeyChangeHeaders.onDelete(keySchema, newKey));
            change(table, Operation.CREATE, null, after, KeyChangeHeaders.onCreate(keySchema, oldKey));
            return;
        }
        change(table, Operation.UPDATE, before, after, null);
    }

    @Override
    public void delete(int xid, TableSchema table, Struct before) {
        delete(table, before, null);
    }

    /** A delete and its tombstone, which carries the delete's headers (as Debezium's does). */
    private void delete(TableSchema table, Struct before, Headers headers) {
        change(table, Operation.DELETE, before, null, headers);
        Struct key = table.schemas().key(before);
        if (tombstones && key != null && next()) {
            sink.accept(records.tombstone(table, offset(), key, headers));
        }
    }

    @Override
    public void truncate(int xid, List<TableSchema> tables, boolean cascade, boolean restartIdentity) {
        for (TableSchema table : tables) {
            change(table, Operation.TRUNCATE, null, null, null);
        }
    }

    @Override
    public void message(int xid, long lsn, boolean transactional, String prefix, byte[] content) {
        // logical decoding messages are not requested from the server (heartbeat messages only move the WAL)
    }

    @Override
    public void streamStart(int xid, boolean first) {
        streams.blockStarted(xid);
    }

    @Override
    public void streamStop() {
        streams.blockEnded();
    }

    @Override
    public void streamCommit(int xid, long commitLsn, long endLsn, long commitTimeMicros) {
        startTransaction(commitLsn, commitTimeMicros, xid);
        long beforeReplay = messageLsn;
        messageLsn = commitLsn;
        streams.replay(xid);
        messageLsn = beforeReplay;
        endTransaction();
    }

    @Override
    public void streamAbort(int xid, int subXid) {
        streams.abort(xid, subXid);
    }

    private void startTransaction(long lsn, long commitTimeMicros, int xid) {
        inTransaction = true;
        commitLsn = lsn;
        commitTime = PgTime.toInstant(commitTimeMicros);
        origin = null;
        originLsn = null;
        this.xid = Integer.toUnsignedLong(xid);
        index = 0;
        totalOrder = 0;
        transactionId = null;
        perCollection.clear();
    }

    private void endTransaction() {
        if (transactionMetadata && transactionId != null && next()) {
            sink.accept(records.transactionEnd(offset(), transactionId, commitTime.toEpochMilli(), perCollection));
        }
        inTransaction = false;
    }

    private void change(TableSchema table, Operation op, Struct before, Struct after, Headers headers) {
        Struct block = null;
        if (transactionMetadata) {
            if (transactionId == null) {
                transactionId = xid + ":" + commitLsn;
                if (next()) {
                    sink.accept(records.transactionBegin(offset(), transactionId, commitTime.toEpochMilli()));
                }
            }
            long inCollection = perCollection.merge(table.dataCollection(), 1L, Long::sum);
            block = TransactionMetadata.block(transactionId, ++totalOrder, inCollection);
        }
        if (!next()) {
            return;
        }
        Struct sourceStruct = source.table(table.schema(), table.table())
                .commitTime(commitTime)
                .txId(xid)
                .lsn(messageLsn != 0 ? messageLsn : commitLsn)
                .origin(origin, originLsn)
                .sequence("[\"" + commitLsn + "\",\"" + index + "\"]")
                .struct();
        sink.accept(records.change(table, offset(), op, before, after, sourceStruct, block, Instant.now(), headers));
    }

    /** Counts the next record of the transaction; false when it was emitted before the restart. */
    private boolean next() {
        index++;
        int cmp = Long.compareUnsigned(commitLsn, resumeLsn);
        if (cmp < 0 || (cmp == 0 && index <= resumeEvent)) {
            return false;
        }
        lastEmittedLsn = commitLsn;
        lastEmittedEvent = index;
        return true;
    }

    private Map<String, Object> offset() {
        return WalOffset.streaming(commitLsn, index, xid);
    }
}
