package io.hermesconnect.source.diff.store;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.h2.mvstore.WriteBuffer;

/**
 * An object in the state's encoding, as a disk-backed map holds it: its key, and its attributes' bytes
 * ({@link ObjectEncoding#writeAttributes}), decoded only when asked. The diff compares most objects by their bytes
 * alone, as decoding a million of them costs more than the rest of the poll.
 */
public final class EncodedObject {

    private static final int INITIAL_BUFFER = 256;

    private final ObjectKey key;
    private final byte[] bytes;
    private final int offset;

    /**
     * @param key    the object's key
     * @param bytes  holds the encoded attributes from {@code offset} to its end; not copied, so not to be changed
     * @param offset where the attributes start in {@code bytes}
     */
    public EncodedObject(ObjectKey key, byte[] bytes, int offset) {
        this.key = Objects.requireNonNull(key, "key");
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        this.offset = offset;
    }

    /** The encoding of {@code object}, its attributes after {@code prefix} (a marker a map stores before them). */
    public static EncodedObject encode(DataObject object, byte... prefix) {
        WriteBuffer out = new WriteBuffer(INITIAL_BUFFER);
        out.put(prefix);
        StateCodec.writeAttributes(out, object);
        ByteBuffer written = out.getBuffer();
        return new EncodedObject(object.key(), Arrays.copyOf(written.array(), written.position()), prefix.length);
    }

    public ObjectKey key() {
        return key;
    }

    /** The bytes as a map stores them: the prefix, if any, then the attributes; not a copy, so not to be changed. */
    public byte[] bytes() {
        return bytes;
    }

    /** The object, decoded. */
    public DataObject decode() {
        return StateCodec.readObject(key, ByteBuffer.wrap(bytes, offset, bytes.length - offset));
    }

    /**
     * Whether both hold the same attributes encoded alike, which makes them equal objects of their keys. False does
     * not make them differ: equal attributes in another order encode differently.
     */
    public boolean sameAttributes(EncodedObject other) {
        return Arrays.equals(bytes, offset, bytes.length, other.bytes, other.offset, other.bytes.length);
    }
}
