package io.hermesconnect.source.wal.convert;

import java.util.Arrays;

/** {@code bytea} text output: hex ({@code \x0a1b}, the default) or the legacy escape format. */
final class Bytea {

    private Bytea() {
    }

    static byte[] parse(byte[] b, int off, int len) {
        if (len >= 2 && b[off] == '\\' && b[off + 1] == 'x') {
            return hex(b, off + 2, len - 2);
        }
        return unescape(b, off, len);
    }

    private static byte[] hex(byte[] b, int off, int len) {
        if ((len & 1) != 0) {
            throw new IllegalArgumentException("odd number of hex digits in bytea");
        }
        byte[] out = new byte[len / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (nibble(b[off + 2 * i]) << 4 | nibble(b[off + 2 * i + 1]));
        }
        return out;
    }

    private static int nibble(byte c) {
        int d = Character.digit(c, 16);
        if (d < 0) {
            throw new IllegalArgumentException("not a hex digit in bytea: " + (char) c);
        }
        return d;
    }

    /** {@code bytea_output=escape}: {@code \\} is a backslash, {@code \ooo} an octal byte, the rest literal. */
    private static byte[] unescape(byte[] b, int off, int len) {
        byte[] out = new byte[len];
        int n = 0;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (b[i] != '\\') {
                out[n++] = b[i];
            } else if (i + 1 < end && b[i + 1] == '\\') {
                out[n++] = '\\';
                i++;
            } else if (i + 3 < end && isOctal(b[i + 1]) && isOctal(b[i + 2]) && isOctal(b[i + 3])) {
                out[n++] = (byte) ((b[i + 1] - '0') << 6 | (b[i + 2] - '0') << 3 | (b[i + 3] - '0'));
                i += 3;
            } else {
                throw new IllegalArgumentException("invalid escape in bytea");
            }
        }
        return n == len ? out : Arrays.copyOf(out, n);
    }

    private static boolean isOctal(byte c) {
        return c >= '0' && c <= '7';
    }
}
