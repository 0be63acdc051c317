package io.hermesconnect.source.diff.store;

import io.hermesconnect.source.diff.state.SecretDigest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;

/**
 * The binary form of one normalized value ({@code model/Values}) or {@link SecretDigest}: a tag byte, then its
 * content. Decoding gives a value equal to the encoded one, of the same class: text keeps every UTF-16 unit (a lone
 * surrogate too), a double its exact bits, a decimal its scale.
 *
 * <p>Variable-length integers are LEB128, signed ones zig-zag first, so small numbers take one byte.
 */
final class ValueCodec {

    private static final byte NULL = 0;
    private static final byte FALSE = 1;
    private static final byte TRUE = 2;
    private static final byte LONG = 3;
    private static final byte BIG_INTEGER = 4;
    private static final byte DOUBLE = 5;
    private static final byte BIG_DECIMAL = 6;
    private static final byte TEXT = 7;
    private static final byte BYTES = 8;
    private static final byte DATE = 9;
    private static final byte LIST = 10;
    private static final byte MAP = 11;
    private static final byte SECRET_DIGEST = 12;

    private ValueCodec() {
    }

    /**
     * Appends {@code value} (null only inside a list or as a map key).
     *
     * @throws IllegalArgumentException naming the value's class (never the value) when the state cannot hold it
     */
    static void write(WriteBuffer out, Object value) {
        if (value == null) {
            out.put(NULL);
        } else if (value instanceof Boolean flag) {
            out.put(flag ? TRUE : FALSE);
        } else if (value instanceof Long number) {
            out.put(LONG);
            writeSignedVarLong(out, number);
        } else if (value instanceof BigInteger number) {
            out.put(BIG_INTEGER);
            writeBytes(out, number.toByteArray());
        } else if (value instanceof Double number) {
            out.put(DOUBLE).putLong(Double.doubleToRawLongBits(number));
        } else if (value instanceof BigDecimal number) {
            out.put(BIG_DECIMAL);
            writeSignedVarLong(out, number.scale());
            writeBytes(out, number.unscaledValue().toByteArray());
        } else if (value instanceof String text) {
            out.put(TEXT);
            writeText(out, text);
        } else if (value instanceof ByteBuffer bytes) {
            out.put(BYTES);
            writeVarLength(out, bytes.remaining());
            out.put(bytes.duplicate());
        } else if (value.getClass() == Date.class) {
            out.put(DATE);
            writeSignedVarLong(out, ((Date) value).getTime());
        } else if (value instanceof List<?> list) {
            out.put(LIST);
            writeVarLength(out, list.size());
            for (Object element : list) {
                write(out, element);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.put(MAP);
            writeVarLength(out, map.size());
            map.forEach((key, element) -> {
                write(out, key);
                write(out, element);
            });
        } else if (value instanceof SecretDigest digest) {
            out.put(SECRET_DIGEST);
            writeText(out, digest.hmac());
        } else {
            throw new IllegalArgumentException("the state cannot hold a value of class " + value.getClass().getName()
                    + " (it holds Long, BigInteger, Double, BigDecimal, String, Boolean, ByteBuffer, java.util.Date,"
                    + " List and Map values)");
        }
    }

    /** Reads a value written by {@link #write}. */
    static Object read(ByteBuffer in) {
        byte tag = in.get();
        return switch (tag) {
            case NULL -> null;
            case FALSE -> Boolean.FALSE;
            case TRUE -> Boolean.TRUE;
            case LONG -> readSignedVarLong(in);
            case BIG_INTEGER -> new BigInteger(readBytes(in));
            case DOUBLE -> Double.longBitsToDouble(in.getLong());
            case BIG_DECIMAL -> {
                int scale = (int) readSignedVarLong(in);
                yield new BigDecimal(new BigInteger(readBytes(in)), scale);
            }
            case TEXT -> readText(in);
            case BYTES -> ByteBuffer.wrap(readBytes(in)).asReadOnlyBuffer();
            case DATE -> new Date(readSignedVarLong(in));
            case LIST -> readList(in);
            case MAP -> readMap(in);
            case SECRET_DIGEST -> new SecretDigest(readText(in));
            default -> throw new IllegalStateException("Unknown value tag " + tag + " in the state");
        };
    }

    private static List<Object> readList(ByteBuffer in) {
        int size = readVarLength(in);
        List<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(read(in));
        }
        return Collections.unmodifiableList(list);
    }

    private static Map<Object, Object> readMap(ByteBuffer in) {
        int size = readVarLength(in);
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            Object key = read(in);
            map.put(key, read(in));
        }
        return Collections.unmodifiableMap(map);
    }

    /** Text as its UTF-16 units, each in UTF-8's 1 to 3 byte form, so that no unit, paired or not, is lost. */
    static void writeText(WriteBuffer out, String text) {
        int length = text.length();
        writeVarLength(out, length);
        if (isAscii(text)) { // the common case, one bulk copy rather than a bounds check per unit
            out.put(text.getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        for (int i = 0; i < length; i++) {
            char unit = text.charAt(i);
            if (unit < 0x80) {
                out.put((byte) unit);
            } else if (unit < 0x800) {
                out.put((byte) (0xc0 | unit >> 6)).put((byte) (0x80 | unit & 0x3f));
            } else {
                out.put((byte) (0xe0 | unit >> 12)).put((byte) (0x80 | unit >> 6 & 0x3f)).put((byte) (0x80 | unit & 0x3f));
            }
        }
    }

    static String readText(ByteBuffer in) {
        int length = readVarLength(in);
        if (in.hasArray() && isAscii(in, length)) { // the common case, one bulk copy
            String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.ISO_8859_1);
            in.position(in.position() + length);
            return text;
        }
        char[] units = new char[length];
        for (int i = 0; i < length; i++) {
            int first = in.get() & 0xff;
            if (first < 0x80) {
                units[i] = (char) first;
            } else if (first < 0xe0) {
                units[i] = (char) ((first & 0x1f) << 6 | in.get() & 0x3f);
            } else {
                units[i] = (char) ((first & 0x0f) << 12 | (in.get() & 0x3f) << 6 | in.get() & 0x3f);
            }
        }
        return new String(units);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether the next {@code length} bytes are there and each is a whole character (ASCII). */
    private static boolean isAscii(ByteBuffer in, int length) {
        if (length > in.remaining()) {
            return false;
        }
        byte[] bytes = in.array();
        int start = in.arrayOffset() + in.position();
        for (int i = start; i < start + length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    static void writeBytes(WriteBuffer out, byte[] bytes) {
        writeVarLength(out, bytes.length);
        out.put(bytes);
    }

    static byte[] readBytes(ByteBuffer in) {
        byte[] bytes = new byte[readVarLength(in)];
        in.get(bytes);
        return bytes;
    }

    static void writeVarLength(WriteBuffer out, int length) {
        writeVarLong(out, length);
    }

    static int readVarLength(ByteBuffer in) {
        long length = readVarLong(in);
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw new IllegalStateException("Corrupt length in the state");
        }
        return (int) length;
    }

    private static void writeSignedVarLong(WriteBuffer out, long value) {
        writeVarLong(out, value << 1 ^ value >> 63);
    }

    private static long readSignedVarLong(ByteBuffer in) {
        long zigZag = readVarLong(in);
        return zigZag >>> 1 ^ -(zigZag & 1);
    }

    private static void writeVarLong(WriteBuffer out, long value) {
        long rest = value;
        while ((rest & ~0x7fL) != 0) {
            out.put((byte) (rest & 0x7f | 0x80));
            rest >>>= 7;
        }
        out.put((byte) rest);
    }

    private static long readVarLong(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < Long.SIZE; shift += 7) {
            byte next = in.get();
            value |= (long) (next & 0x7f) << shift;
            if (next >= 0) {
                return value;
            }
        }
        throw new IllegalStateException("Corrupt number in the state");
    }
}
