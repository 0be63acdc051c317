package io.hermesconnect.source.wal.convert;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/** Number parsing straight from the text bytes, without an intermediate String for the common cases. */
final class TextNumbers {

    /** Up to 18 decimal digits always fit a long. */
    private static final int LONG_SAFE_DIGITS = 18;

    private TextNumbers() {
    }

    static long parseLong(byte[] b, int off, int len) {
        if (len <= 0) {
            throw new NumberFormatException("empty number");
        }
        int i = off;
        int end = off + len;
        boolean negative = b[i] == '-';
        if (negative || b[i] == '+') {
            i++;
        }
        if (i == end) {
            throw new NumberFormatException("no digits: " + ascii(b, off, len));
        }
        // accumulate negatively so that Long.MIN_VALUE parses
        long v = 0;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException("not an integer: " + ascii(b, off, len));
            }
            v = v * 10 - d;
        }
        return negative ? v : -v;
    }

    static int parseInt(byte[] b, int off, int len) {
        return Math.toIntExact(parseLong(b, off, len));
    }

    /** NaN, Infinity and -Infinity: the numeric values without an exact decimal form. */
    static boolean isSpecial(byte[] b, int off, int len) {
        byte first = b[off];
        return first == 'N' || first == 'I' || (first == '-' && len > 1 && b[off + 1] == 'I');
    }

    /** A plain decimal as the server prints it ({@code -12.3400}); never NaN or Infinity. */
    static BigDecimal parseDecimal(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        boolean negative = b[i] == '-';
        if (negative || b[i] == '+') {
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = 0;
        boolean fraction = false;
        for (; i < end; i++) {
            byte c = b[i];
            if (c == '.' && !fraction) {
                fraction = true;
            } else if (c >= '0' && c <= '9' && digits < LONG_SAFE_DIGITS) {
                unscaled = unscaled * 10 + (c - '0');
                if (unscaled != 0) {
                    digits++;
                }
                if (fraction) {
                    scale++;
                }
            } else {
                // long digit strings, exponents or junk: BigDecimal's own parser (and its error message)
                return new BigDecimal(ascii(b, off, len));
            }
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }

    static double parseDouble(byte[] b, int off, int len) {
        return Double.parseDouble(ascii(b, off, len));
    }

    static float parseFloat(byte[] b, int off, int len) {
        return Float.parseFloat(ascii(b, off, len));
    }

    static String ascii(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
}
