package io.hermesconnect.source.wal.replication;

/**
 * A PostgreSQL WAL position (log sequence number): an unsigned 64-bit offset, printed by the server
 * as two hexadecimal halves, {@code 16/B374D848}. Immutable; ordering is unsigned.
 */
public final class Lsn implements Comparable<Lsn> {

    /** {@code 0/0}: PostgreSQL's InvalidXLogRecPtr, "no position". */
    public static final Lsn INVALID = new Lsn(0);

    private final long value;

    private Lsn(long value) {
        this.value = value;
    }

    public static Lsn valueOf(long value) {
        return value == 0 ? INVALID : new Lsn(value);
    }

    /** Parses the server's {@code X/Y} form (hexadecimal, case-insensitive, each half at most 32 bits). */
    public static Lsn parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw notAnLsn(text);
        }
        return valueOf(half(text, 0, slash) << 32 | half(text, slash + 1, text.length()));
    }

    private static long half(String text, int from, int to) {
        if (to == from || to - from > 8) {
            throw notAnLsn(text);
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                throw notAnLsn(text);
            }
            v = v << 4 | digit;
        }
        return v;
    }

    private static IllegalArgumentException notAnLsn(String text) {
        return new IllegalArgumentException("Not an LSN (expected hex 'X/Y' such as '16/B374D848'): '" + text + "'");
    }

    /**
     * Bytes of WAL from {@code from} to {@code to}, 0 when {@code to} is not ahead: the lag figure,
     * computed on raw values so metrics need no allocation.
     */
    public static long bytesBetween(long from, long to) {
        return Long.compareUnsigned(to, from) > 0 ? to - from : 0;
    }

    public long asLong() {
        return value;
    }

    public boolean isValid() {
        return value != 0;
    }

    @Override
    public int compareTo(Lsn other) {
        return Long.compareUnsigned(value, other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lsn other && other.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    /** The server's form, upper-case hex without leading zeros: {@code 16/B374D848}. */
    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase() + "/" + Long.toHexString(value & 0xFFFFFFFFL).toUpperCase();
    }
}
