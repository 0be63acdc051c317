package io.hermesconnect.source.wal.convert;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL array output ({@code {1,2,NULL}}, {@code {"a,b","say \"hi\""}}, {@code [0:1]={x,y}}).
 *
 * <p>A column's type does not fix the number of dimensions (an {@code int[]} column may hold a 2-D
 * array), and a Connect schema must, so multi-dimensional arrays are flattened in row-major order:
 * {@code {{1,2},{3,4}}} becomes {@code [1, 2, 3, 4]}. Lower-bound decorations are dropped.
 */
final class ArrayLiteral {

    private ArrayLiteral() {
    }

    static List<Object> parse(byte[] b, int off, int len, ValueConverter element, byte delimiter) {
        int end = off + len;
        int i = off;
        if (b[i] == '[') {
            while (b[i] != '=') {
                i++;
            }
            i++;
        }
        List<Object> out = new ArrayList<>();
        byte[] unescaped = null;
        int depth = 0;
        while (i < end) {
            byte c = b[i];
            if (c == '{') {
                depth++;
                i++;
            } else if (c == '}') {
                depth--;
                i++;
            } else if (c == delimiter || c == ' ') {
                i++;
            } else if (c == '"') {
                if (unescaped == null) {
                    unescaped = new byte[len];
                }
                int n = 0;
                for (i++; b[i] != '"'; i++) {
                    if (b[i] == '\\') {
                        i++;
                    }
                    unescaped[n++] = b[i];
                }
                i++;
                out.add(element.convert(unescaped, 0, n)); // a quoted NULL is the string "NULL"
            } else {
                int start = i;
                boolean escaped = false;
                while (i < end && b[i] != delimiter && b[i] != '}') {
                    if (b[i] == '\\') {
                        escaped = true;
                        i++;
                    }
                    i++;
                }
                if (escaped) {
                    if (unescaped == null) {
                        unescaped = new byte[len];
                    }
                    int n = 0;
                    for (int j = start; j < i; j++) {
                        if (b[j] == '\\') {
                            j++;
                        }
                        unescaped[n++] = b[j];
                    }
                    out.add(element.convert(unescaped, 0, n));
                } else {
                    out.add(isNull(b, start, i - start) ? null : element.convert(b, start, i - start));
                }
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced braces in array");
        }
        return out;
    }

    private static boolean isNull(byte[] b, int off, int len) {
        return len == 4 && (b[off] | 0x20) == 'n' && (b[off + 1] | 0x20) == 'u' && (b[off + 2] | 0x20) == 'l'
                && (b[off + 3] | 0x20) == 'l';
    }
}
