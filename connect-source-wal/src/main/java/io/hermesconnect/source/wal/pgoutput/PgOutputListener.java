package io.hermesconnect.source.wal.pgoutput;

import io.hermesconnect.source.wal.convert.TableSchema;
import java.util.List;
import org.apache.kafka.connect.data.Struct;

/**
 * What {@link PgOutputDecoder} found in one message. Times are PostgreSQL epoch microseconds
 * ({@link PgTime#toInstant}); LSNs are raw {@code XLogRecPtr} values.
 *
 * <p>The {@code xid} of a change is the transaction's xid from its Begin in a plain transaction, the
 * (sub)transaction xid carried by the message inside a protocol-2 stream block, the streamed
 * transaction's xid while its replayed messages are decoded during {@link #streamCommit}, and 0 for
 * a change outside any transaction (a non-transactional logical decoding message).
 */
public interface PgOutputListener {

    void begin(long finalLsn, long commitTimeMicros, int xid);

    void commit(long commitLsn, long endLsn, long commitTimeMicros);

    /**
     * The transaction being decoded was replayed from another server's replication origin {@code name}, where
     * it committed at {@code originLsn}; it follows Begin (or the first Stream Start) of such a transaction.
     */
    void origin(long originLsn, String name);

    /** A table was seen for the first time in this session, or its shape changed. */
    void relation(TableSchema table);

    void insert(int xid, TableSchema table, Struct after);

    /**
     * @param before the old row: all columns with REPLICA IDENTITY FULL, only the identity columns when
     *               they changed, otherwise null
     */
    void update(int xid, TableSchema table, Struct before, Struct after);

    /** @param before the replica identity columns of the row, or the whole row with REPLICA IDENTITY FULL */
    void delete(int xid, TableSchema table, Struct before);

    /** @param tables the captured tables among those truncated, never empty */
    void truncate(int xid, List<TableSchema> tables, boolean cascade, boolean restartIdentity);

    /** A {@code pg_logical_emit_message}; {@code lsn} is the message's own position. */
    void message(int xid, long lsn, boolean transactional, String prefix, byte[] content);

    /** A block of a large in-progress transaction starts (protocol 2); {@code first} on its first block. */
    void streamStart(int xid, boolean first);

    void streamStop();

    /** A streamed transaction committed: replay its buffered messages now. */
    void streamCommit(int xid, long commitLsn, long endLsn, long commitTimeMicros);

    /** A streamed transaction ({@code subXid == xid}) or one of its subtransactions rolled back. */
    void streamAbort(int xid, int subXid);
}
