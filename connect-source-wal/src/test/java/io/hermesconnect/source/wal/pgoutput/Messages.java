package io.hermesconnect.source.wal.pgoutput;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Hand-built pgoutput messages, byte for byte as the protocol documentation describes them. */
final class Messages {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    private Messages(char type) {
        u8(type);
    }

    static Messages of(char type) {
        return new Messages(type);
    }

    Messages u8(int v) {
        try {
            out.writeByte(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Messages i16(int v) {
        try {
            out.writeShort(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Messages i32(int v) {
        try {
            out.writeInt(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Messages i64(long v) {
        try {
            out.writeLong(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Messages string(String s) {
        raw(s.getBytes(StandardCharsets.UTF_8));
        return u8(0);
    }

    Messages raw(byte[] b) {
        bytes.write(b, 0, b.length);
        return this;
    }

    /** TupleData: each value a String (text), null ('n') or {@link #TOAST} ('u'). */
    Messages tuple(Object... values) {
        i16(values.length);
        for (Object v : values) {
            if (v == null) {
                u8('n');
            } else if (v == TOAST) {
                u8('u');
            } else {
                byte[] text = ((String) v).getBytes(StandardCharsets.UTF_8);
                u8('t').i32(text.length).raw(text);
            }
        }
        return this;
    }

    static final Object TOAST = new Object();

    ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes.toByteArray());
    }

    // ---- whole messages

    static ByteBuffer begin(long finalLsn, long commitTime, int xid) {
        return of('B').i64(finalLsn).i64(commitTime).i32(xid).buffer();
    }

    static ByteBuffer commit(long commitLsn, long endLsn, long commitTime) {
        return of('C').u8(0).i64(commitLsn).i64(endLsn).i64(commitTime).buffer();
    }

    /** Starts a change message, with the xid field when {@code streamXid} is not null. */
    static Messages change(char type, Integer streamXid) {
        Messages m = of(type);
        return streamXid == null ? m : m.i32(streamXid);
    }

    static ByteBuffer insert(Integer streamXid, int oid, Object... values) {
        return change('I', streamXid).i32(oid).u8('N').tuple(values).buffer();
    }
}
