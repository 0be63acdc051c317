package io.hermesconnect.source.wal.pgoutput;

import io.hermesconnect.source.wal.convert.TableSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Struct;

/** Records every callback as a value, so tests compare whole sequences. */
class RecordingListener implements PgOutputListener {

    record Begin(long finalLsn, long commitTime, int xid) { }

    record Commit(long commitLsn, long endLsn, long commitTime) { }

    record Origin(long originLsn, String name) { }

    record Relation(TableSchema table) { }

    record Insert(int xid, TableSchema table, Struct after) { }

    record Update(int xid, TableSchema table, Struct before, Struct after) { }

    record Delete(int xid, TableSchema table, Struct before) { }

    record Truncate(int xid, List<TableSchema> tables, boolean cascade, boolean restartIdentity) { }

    record Message(int xid, long lsn, boolean transactional, String prefix, byte[] content) { }

    record StreamStart(int xid, boolean first) { }

    record StreamStop() { }

    record StreamCommit(int xid, long commitLsn, long endLsn, long commitTime) { }

    record StreamAbort(int xid, int subXid) { }

    final List<Object> events = new ArrayList<>();

    <T> T last(Class<T> type) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (type.isInstance(events.get(i))) {
                return type.cast(events.get(i));
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + events);
    }

    @Override
    public void begin(long finalLsn, long commitTimeMicros, int xid) {
        events.add(new Begin(finalLsn, commitTimeMicros, xid));
    }

    @Override
    public void commit(long commitLsn, long endLsn, long commitTimeMicros) {
        events.add(new Commit(commitLsn, endLsn, commitTimeMicros));
    }

    @Override
    public void origin(long originLsn, String name) {
        events.add(new Origin(originLsn, name));
    }

    @Override
    public void relation(TableSchema table) {
        events.add(new Relation(table));
    }

    @Override
    public void insert(int xid, TableSchema table, Struct after) {
        events.add(new Insert(xid, table, after));
    }

    @Override
    public void update(int xid, TableSchema table, Struct before, Struct after) {
        events.add(new Update(xid, table, before, after));
    }

    @Override
    public void delete(int xid, TableSchema table, Struct before) {
        events.add(new Delete(xid, table, before));
    }

    @Override
    public void truncate(int xid, List<TableSchema> tables, boolean cascade, boolean restartIdentity) {
        events.add(new Truncate(xid, List.copyOf(tables), cascade, restartIdentity));
    }

    @Override
    public void message(int xid, long lsn, boolean transactional, String prefix, byte[] content) {
        events.add(new Message(xid, lsn, transactional, prefix, content));
    }

    @Override
    public void streamStart(int xid, boolean first) {
        events.add(new StreamStart(xid, first));
    }

    @Override
    public void streamStop() {
        events.add(new StreamStop());
    }

    @Override
    public void streamCommit(int xid, long commitLsn, long endLsn, long commitTimeMicros) {
        events.add(new StreamCommit(xid, commitLsn, endLsn, commitTimeMicros));
    }

    @Override
    public void streamAbort(int xid, int subXid) {
        events.add(new StreamAbort(xid, subXid));
    }
}
