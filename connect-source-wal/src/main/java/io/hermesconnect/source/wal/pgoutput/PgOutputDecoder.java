package io.hermesconnect.source.wal.pgoutput;

import io.hermesconnect.source.wal.convert.RowBuilder;
import io.hermesconnect.source.wal.convert.TableSchema;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Decodes pgoutput messages (protocol versions 1 and 2) into {@link PgOutputListener} calls, reading
 * values straight from the message bytes into the table's prepared converters.
 *
 * <p>Keeps the session state the protocol relies on: the tables of Relation messages by OID (later
 * changes refer to them only by OID), the xid of the open transaction, and whether a protocol-2 stream
 * block is open (inside one, change messages carry their (sub)transaction xid as an extra field).
 * One instance per replication session; not thread-safe. Messages are read without moving the buffer's
 * position.
 *
 * <p>Streaming: the task keeps the messages between Stream Start and Stream Stop in a
 * {@link io.hermesconnect.source.wal.stream.StreamedTransactionBuffer} instead of decoding them, and
 * replays them through {@link #decode} from its {@link PgOutputListener#streamCommit} callback. The
 * buffer hands them back without their stream-block xid field, so they decode like the changes of a
 * plain transaction, reported with the streamed transaction's xid.
 */
public final class PgOutputDecoder {

    private static final byte TUPLE_NEW = 'N';
    private static final byte TUPLE_KEY = 'K';
    private static final byte TUPLE_OLD = 'O';
    private static final byte VALUE_NULL = 'n';
    private static final byte VALUE_UNCHANGED_TOAST = 'u';
    private static final byte VALUE_TEXT = 't';
    private static final byte VALUE_BINARY = 'b';
    private static final byte TRUNCATE_CASCADE = 1;
    private static final byte TRUNCATE_RESTART_IDENTITY = 2;

    private final TableSchemaResolver resolver;
    private final PgOutputListener listener;
    private final MessageReader in = new MessageReader();
    private final Map<Integer, Relation> relations = new HashMap<>();
    /** The relation of the previous change: bulk changes hit one table many times in a row. */
    private Relation lastRelation;
    private boolean inStreamBlock;
    private int transactionXid;
    /** Value kinds of the last tuple read without an old row: the old tuple, when the new one follows. */
    private byte[] oldKinds = new byte[64];
    private int oldCount;

    public PgOutputDecoder(TableSchemaResolver resolver, PgOutputListener listener) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Decodes exactly one message. */
    public void decode(ByteBuffer message) {
        in.reset(message);
        byte type = in.u8();
        switch (type) {
            case 'B' -> begin();
            case 'C' -> commit();
            case 'R' -> relation();
            case 'I' -> insert();
            case 'U' -> update();
            case 'D' -> delete();
            case 'T' -> truncate();
            case 'M' -> message();
            case 'O' -> origin();
            case 'Y' -> {
                // Type: types are resolved through the catalog
            }
            case 'S' -> streamStart();
            case 'E' -> streamStop();
            case 'c' -> streamCommit();
            case 'A' -> streamAbort();
            default -> throw new DataException("Unsupported pgoutput message type '" + (char) type
                    + "' (two-phase and binary options must stay off)");
        }
    }

    private void begin() {
        long finalLsn = in.i64();
        long commitTime = in.i64();
        transactionXid = in.i32();
        listener.begin(finalLsn, commitTime, transactionXid);
    }

    private void commit() {
        in.u8(); // flags, unused
        long commitLsn = in.i64();
        long endLsn = in.i64();
        long commitTime = in.i64();
        transactionXid = 0;
        listener.commit(commitLsn, endLsn, commitTime);
    }

    private void relation() {
        changeXid();
        int oid = in.i32();
        String namespace = in.cstring();
        String name = in.cstring();
        char replicaIdentity = (char) in.u8();
        int count = in.i16();
        List<RelationMessage.Column> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean key = (in.u8() & 1) != 0;
            columns.add(new RelationMessage.Column(in.cstring(), in.i32(), in.i32(), key));
        }
        // the server sends an empty namespace for pg_catalog
        RelationMessage message = new RelationMessage(oid, namespace.isEmpty() ? "pg_catalog" : namespace, name,
                replicaIdentity, columns);
        TableSchema table = resolver.resolve(message);
        Relation previous = relations.get(oid);
        Relation current = new Relation(oid, table);
        relations.put(oid, current);
        lastRelation = current;
        // Relation messages come again after reconnects and cache invalidations: report changes only
        if (table != null && (previous == null || previous.table == null
                || !previous.table.relation().equals(message)
                || !previous.table.schemas().valueSchema().equals(table.schemas().valueSchema()))) {
            listener.relation(table);
        }
    }

    private void insert() {
        int xid = changeXid();
        Relation relation = relation(in.i32());
        if (relation.table == null) {
            return;
        }
        expectTuple(TUPLE_NEW);
        Struct after = tuple(relation.newRow, null);
        listener.insert(xid, relation.table, after);
    }

    private void update() {
        int xid = changeXid();
        Relation relation = relation(in.i32());
        if (relation.table == null) {
            return;
        }
        byte kind = in.u8();
        Struct before = null;
        if (kind == TUPLE_KEY || kind == TUPLE_OLD) {
            before = tuple(relation.oldRow, null);
            kind = in.u8();
        }
        if (kind != TUPLE_NEW) {
            throw new DataException("Malformed pgoutput Update message: tuple type '" + (char) kind + "'");
        }
        Struct after = tuple(relation.newRow, before);
        listener.update(xid, relation.table, before, after);
    }

    private void delete() {
        int xid = changeXid();
        Relation relation = relation(in.i32());
        if (relation.table == null) {
            return;
        }
        byte kind = in.u8();
        if (kind != TUPLE_KEY && kind != TUPLE_OLD) {
            throw new DataException("Malformed pgoutput Delete message: tuple type '" + (char) kind + "'");
        }
        Struct before = tuple(relation.oldRow, null);
        listener.delete(xid, relation.table, before);
    }

    private void truncate() {
        int xid = changeXid();
        int count = in.i32();
        byte options = in.u8();
        List<TableSchema> tables = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            TableSchema table = relation(in.i32()).table;
            if (table != null) {
                tables.add(table);
            }
        }
        if (!tables.isEmpty()) {
            listener.truncate(xid, tables, (options & TRUNCATE_CASCADE) != 0, (options & TRUNCATE_RESTART_IDENTITY) != 0);
        }
    }

    private void message() {
        int xid = changeXid();
        boolean transactional = (in.u8() & 1) != 0;
        long lsn = in.i64();
        String prefix = in.cstring();
        byte[] content = in.bytes(in.i32());
        listener.message(transactional ? xid : 0, lsn, transactional, prefix, content);
    }

    private void origin() {
        long originLsn = in.i64();
        listener.origin(originLsn, in.cstring());
    }

    private void streamStart() {
        int xid = in.i32();
        boolean first = in.u8() == 1;
        inStreamBlock = true;
        listener.streamStart(xid, first);
    }

    private void streamStop() {
        inStreamBlock = false;
        listener.streamStop();
    }

    private void streamCommit() {
        int xid = in.i32();
        in.u8(); // flags, unused
        long commitLsn = in.i64();
        long endLsn = in.i64();
        long commitTime = in.i64();
        // the listener replays the transaction through decode() from inside this call
        transactionXid = xid;
        try {
            listener.streamCommit(xid, commitLsn, endLsn, commitTime);
        } finally {
            transactionXid = 0;
        }
    }

    private void streamAbort() {
        int xid = in.i32();
        int subXid = in.i32();
        // protocol 4 (parallel apply) adds the abort LSN and time: not needed
        listener.streamAbort(xid, subXid);
    }

    /** Inside a stream block a change starts with its (sub)transaction xid; elsewhere it belongs to the open one. */
    private int changeXid() {
        return inStreamBlock ? in.i32() : transactionXid;
    }

    private Relation relation(int oid) {
        Relation relation = lastRelation;
        if (relation == null || relation.oid != oid) {
            relation = relations.get(oid);
            if (relation == null) {
                throw new DataException("pgoutput change for relation OID " + Integer.toUnsignedString(oid)
                        + " without a preceding Relation message");
            }
            lastRelation = relation;
        }
        return relation;
    }

    private void expectTuple(byte expected) {
        byte kind = in.u8();
        if (kind != expected) {
            throw new DataException("Malformed pgoutput message: tuple type '" + (char) kind + "', expected '"
                    + (char) expected + "'");
        }
    }

    /**
     * Reads TupleData into a row. With {@code oldRow} (the old tuple of an update under REPLICA IDENTITY
     * FULL), unchanged TOAST values are taken from it where it has them.
     */
    private Struct tuple(RowBuilder row, Struct oldRow) {
        int count = in.i16();
        if (count > row.columnCount()) {
            throw new DataException("pgoutput tuple has " + count + " columns, its Relation message "
                    + row.columnCount());
        }
        boolean recordKinds = oldRow == null;
        if (recordKinds) {
            if (oldKinds.length < count) {
                oldKinds = new byte[Math.max(count, oldKinds.length * 2)];
            }
            oldCount = count;
        }
        for (int i = 0; i < count; i++) {
            byte kind = in.u8();
            switch (kind) {
                case VALUE_TEXT -> {
                    int length = in.i32();
                    int start = in.pos;
                    in.skip(length);
                    row.set(i, in.bytes, start, length);
                }
                case VALUE_NULL -> row.setNull(i);
                case VALUE_UNCHANGED_TOAST -> {
                    if (oldRow != null && i < oldCount && oldKinds[i] == VALUE_TEXT) {
                        row.copy(i, oldRow);
                    } else {
                        row.setUnchangedToast(i);
                    }
                }
                case VALUE_BINARY -> throw new DataException("Binary pgoutput values are not supported (option 'binary' must stay off)");
                default -> throw new DataException("Malformed pgoutput tuple: value kind '" + (char) kind + "'");
            }
            if (recordKinds) {
                oldKinds[i] = kind;
            }
        }
        return row.build();
    }

    /** A relation and its reusable row builders; {@code table} is null for a table not captured. */
    private static final class Relation {
        final int oid;
        final TableSchema table;
        final RowBuilder oldRow;
        final RowBuilder newRow;

        Relation(int oid, TableSchema table) {
            this.oid = oid;
            this.table = table;
            this.oldRow = table == null ? null : table.newRow();
            this.newRow = table == null ? null : table.newRow();
        }
    }
}
