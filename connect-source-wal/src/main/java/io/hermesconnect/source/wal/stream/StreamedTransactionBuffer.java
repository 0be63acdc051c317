package io.hermesconnect.source.wal.stream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Holds the pgoutput messages of large transactions that the server streams while they are still in
 * progress (protocol 2, {@code streaming=on}), until their Stream Commit: events are emitted only for
 * committed work, and a rolled-back transaction or subtransaction leaves nothing behind.
 *
 * <p>Messages stay in memory up to a byte bound shared by all open transactions; past it, the
 * transaction being appended to moves to a temporary file, so heap use stays bounded whatever the size
 * of a transaction. Not thread-safe: the replication thread owns it.
 *
 * <p>Each message is stored without the xid field that stream blocks add to change messages (the
 * subtransaction xid is kept beside it): replayed messages have the layout of a plain transaction's
 * messages, so the ordinary decoder reads them after the stream block is over.
 */
public final class StreamedTransactionBuffer implements AutoCloseable {

    private final Path spillDirectory;
    private final long memoryLimit;
    private final Map<Integer, StreamedTransaction> transactions = new HashMap<>();
    private long memoryUsed;

    /**
     * @param spillDirectory where transactions beyond the bound are written (created files are deleted
     *                       after replay or abort)
     * @param memoryLimit    bytes of messages kept in memory across all open transactions
     */
    public StreamedTransactionBuffer(Path spillDirectory, long memoryLimit) {
        this.spillDirectory = spillDirectory;
        this.memoryLimit = memoryLimit;
    }

    /**
     * Keeps one message received between Stream Start and Stream Stop (Relation, Type, Insert, Update,
     * Delete, Truncate, Message, Origin), in order.
     *
     * @param topXid the streamed transaction's xid (from Stream Start)
     * @param subXid the xid the change message carries: the subtransaction's, or {@code topXid}
     */
    public void append(int topXid, int subXid, ByteBuffer message) {
        StreamedTransaction transaction = transactions.get(topXid);
        if (transaction == null) {
            transaction = new StreamedTransaction(topXid);
            transactions.put(topXid, transaction);
        }
        try {
            if (!transaction.isSpilled() && memoryUsed + StreamedTransaction.frameSize(message) > memoryLimit) {
                memoryUsed -= transaction.memoryBytes();
                transaction.spill(spillDirectory);
            }
            memoryUsed += transaction.append(subXid, message);
        } catch (IOException e) {
            throw new SpillException("Cannot write streamed transaction " + Integer.toUnsignedString(topXid)
                    + " to " + spillDirectory, e);
        }
    }

    /** Drops a rolled-back transaction ({@code subXid == topXid}) or the messages of one of its subtransactions. */
    public void abort(int topXid, int subXid) {
        if (subXid == topXid) {
            discard(topXid);
        } else {
            StreamedTransaction transaction = transactions.get(topXid);
            if (transaction != null) {
                transaction.abortSubtransaction(subXid);
            }
        }
    }

    /**
     * Feeds a committed transaction's messages, in arrival order and without those of rolled-back
     * subtransactions, to {@code decoder}, then forgets the transaction and deletes its file. The buffer
     * given to {@code decoder} is only valid during the call.
     */
    public void replay(int topXid, Consumer<ByteBuffer> decoder) {
        StreamedTransaction transaction = transactions.get(topXid);
        if (transaction == null) {
            return; // nothing captured was changed
        }
        try {
            transaction.replay(decoder);
        } catch (IOException e) {
            throw new SpillException("Cannot read streamed transaction " + Integer.toUnsignedString(topXid)
                    + " back from " + spillDirectory, e);
        } finally {
            discard(topXid);
        }
    }

    /** Bytes of messages held in memory now. */
    public long memoryBytes() {
        return memoryUsed;
    }

    /** Drops every open transaction and deletes their files (task stop: the stream restarts from the slot). */
    @Override
    public void close() {
        for (Integer xid : transactions.keySet().toArray(new Integer[0])) {
            discard(xid);
        }
    }

    private void discard(int topXid) {
        StreamedTransaction transaction = transactions.remove(topXid);
        if (transaction != null) {
            memoryUsed -= transaction.memoryBytes();
            transaction.release();
        }
    }
}
