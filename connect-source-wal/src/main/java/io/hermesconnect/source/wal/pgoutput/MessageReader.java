package io.hermesconnect.source.wal.pgoutput;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.connect.errors.DataException;

/**
 * A read cursor over one message's bytes, big-endian as the protocol is. Works on the buffer's backing
 * array directly (PgJDBC hands out heap buffers); a direct buffer is copied once into a reused array.
 */
final class MessageReader {

    byte[] bytes;
    int pos;
    private int end;
    private byte[] copy = new byte[0];

    void reset(ByteBuffer message) {
        int length = message.remaining();
        if (message.hasArray()) {
            bytes = message.array();
            pos = message.arrayOffset() + message.position();
        } else {
            if (copy.length < length) {
                copy = new byte[Math.max(length, copy.length * 2)];
            }
            message.get(message.position(), copy, 0, length);
            bytes = copy;
            pos = 0;
        }
        end = pos + length;
    }

    byte u8() {
        require(1);
        return bytes[pos++];
    }

    short i16() {
        require(2);
        short v = (short) ((bytes[pos] & 0xFF) << 8 | bytes[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    int i32() {
        require(4);
        int v = (bytes[pos] & 0xFF) << 24 | (bytes[pos + 1] & 0xFF) << 16 | (bytes[pos + 2] & 0xFF) << 8 | bytes[pos + 3] & 0xFF;
        pos += 4;
        return v;
    }

    long i64() {
        long high = i32() & 0xFFFFFFFFL;
        return high << 32 | i32() & 0xFFFFFFFFL;
    }

    /** A NUL-terminated UTF-8 string. */
    String cstring() {
        int start = pos;
        while (pos < end && bytes[pos] != 0) {
            pos++;
        }
        if (pos == end) {
            throw truncated();
        }
        return new String(bytes, start, pos++ - start, StandardCharsets.UTF_8);
    }

    byte[] bytes(int length) {
        require(length);
        byte[] out = new byte[length];
        System.arraycopy(bytes, pos, out, 0, length);
        pos += length;
        return out;
    }

    /** Moves past {@code length} bytes the caller has read in place. */
    void skip(int length) {
        require(length);
        pos += length;
    }

    private void require(int n) {
        if (n < 0 || end - pos < n) {
            throw truncated();
        }
    }

    private static DataException truncated() {
        return new DataException("Truncated pgoutput message");
    }
}
