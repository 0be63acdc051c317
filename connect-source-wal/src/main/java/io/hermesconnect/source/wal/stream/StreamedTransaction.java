package io.hermesconnect.source.wal.stream;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The messages of one streamed transaction, as frames {@code [subXid int][length int][message]}: in
 * memory chunks, or, once spilled, in a file. Rolled-back subtransactions are remembered and skipped at
 * replay (a file cannot cheaply drop frames from its middle; xids are never reused within a session).
 */
final class StreamedTransaction {

    private static final int CHUNK_SIZE = 64 * 1024;
    private static final int IO_BUFFER = 64 * 1024;
    private static final int FRAME_HEADER = 8;
    private static final int XID_FIELD = 4;

    private final int xid;
    private final List<Chunk> chunks = new ArrayList<>();
    private final Set<Integer> abortedSubXids = new HashSet<>();
    private long memoryBytes;
    private long frames;
    private Path file;
    private DataOutputStream out;

    StreamedTransaction(int xid) {
        this.xid = xid;
    }

    /** An upper bound of the bytes a message takes once stored. */
    static int frameSize(ByteBuffer message) {
        return FRAME_HEADER + message.remaining();
    }

    boolean isSpilled() {
        return file != null;
    }

    long memoryBytes() {
        return memoryBytes;
    }

    /** Stores a message; returns the bytes of memory this took. */
    long append(int subXid, ByteBuffer message) throws IOException {
        int start = message.position();
        int length = message.remaining();
        byte type = message.get(start);
        int skip = 0;
        if (carriesXid(type)) {
            int embedded = message.getInt(start + 1);
            if (embedded != subXid) {
                throw new IllegalArgumentException("Message carries xid " + Integer.toUnsignedString(embedded)
                        + ", appended as subtransaction " + Integer.toUnsignedString(subXid));
            }
            skip = XID_FIELD;
        }
        int stored = length - skip;
        frames++;
        if (out != null) {
            out.writeInt(subXid);
            out.writeInt(stored);
            out.write(type);
            writeBody(message, start + 1 + skip, stored - 1);
            return 0;
        }
        long added = 0;
        Chunk chunk = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
        if (chunk == null || chunk.free() < FRAME_HEADER + stored) {
            chunk = new Chunk(Math.max(CHUNK_SIZE, FRAME_HEADER + stored));
            chunks.add(chunk);
            added = chunk.data.length;
            memoryBytes += added;
        }
        chunk.putInt(subXid);
        chunk.putInt(stored);
        chunk.data[chunk.used++] = type;
        message.get(start + 1 + skip, chunk.data, chunk.used, stored - 1);
        chunk.used += stored - 1;
        return added;
    }

    private void writeBody(ByteBuffer message, int index, int length) throws IOException {
        if (message.hasArray()) {
            out.write(message.array(), message.arrayOffset() + index, length);
        } else {
            byte[] copy = new byte[length];
            message.get(index, copy);
            out.write(copy);
        }
    }

    /**
     * Change messages inside a stream block start with the (sub)transaction xid: Relation, Type,
     * Insert, Update, Delete, Truncate and logical decoding Message. Origin does not.
     */
    private static boolean carriesXid(byte type) {
        return switch (type) {
            case 'R', 'Y', 'I', 'U', 'D', 'T', 'M' -> true;
            default -> false;
        };
    }

    /** Moves the chunks to a new file in {@code directory}; later messages go straight there. */
    void spill(Path directory) throws IOException {
        file = Files.createTempFile(directory, "hermes-wal-xid" + Integer.toUnsignedString(xid) + "-", ".spill");
        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), IO_BUFFER));
        for (Chunk chunk : chunks) {
            out.write(chunk.data, 0, chunk.used);
        }
        chunks.clear();
        memoryBytes = 0;
    }

    void abortSubtransaction(int subXid) {
        abortedSubXids.add(subXid);
    }

    void replay(Consumer<ByteBuffer> decoder) throws IOException {
        if (out != null) {
            out.close();
            out = null;
            replayFile(decoder);
        } else {
            for (Chunk chunk : chunks) {
                replayChunk(chunk, decoder);
            }
        }
    }

    private void replayChunk(Chunk chunk, Consumer<ByteBuffer> decoder) {
        ByteBuffer view = ByteBuffer.wrap(chunk.data);
        int pos = 0;
        while (pos < chunk.used) {
            int subXid = chunk.getInt(pos);
            int length = chunk.getInt(pos + 4);
            pos += FRAME_HEADER;
            if (!abortedSubXids.contains(subXid)) {
                view.clear().position(pos).limit(pos + length);
                decoder.accept(view);
            }
            pos += length;
        }
    }

    private void replayFile(Consumer<ByteBuffer> decoder) throws IOException {
        byte[] message = new byte[CHUNK_SIZE];
        ByteBuffer view = ByteBuffer.wrap(message);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), IO_BUFFER))) {
            for (long n = 0; n < frames; n++) {
                int subXid = in.readInt();
                int length = in.readInt();
                if (abortedSubXids.contains(subXid)) {
                    in.skipNBytes(length);
                    continue;
                }
                if (message.length < length) {
                    message = new byte[Math.max(length, message.length * 2)];
                    view = ByteBuffer.wrap(message);
                }
                in.readFully(message, 0, length);
                view.clear().limit(length);
                decoder.accept(view);
            }
        }
    }

    /** Frees the memory and deletes the file, if any. */
    void release() {
        chunks.clear();
        memoryBytes = 0;
        if (file != null) {
            try {
                if (out != null) {
                    out.close();
                }
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new SpillException("Cannot delete spill file " + file, e);
            } finally {
                out = null;
                file = null;
            }
        }
    }

    private static final class Chunk {
        final byte[] data;
        int used;

        Chunk(int size) {
            data = new byte[size];
        }

        int free() {
            return data.length - used;
        }

        int getInt(int at) {
            return (data[at] & 0xFF) << 24 | (data[at + 1] & 0xFF) << 16 | (data[at + 2] & 0xFF) << 8 | data[at + 3] & 0xFF;
        }

        void putInt(int v) {
            data[used++] = (byte) (v >>> 24);
            data[used++] = (byte) (v >>> 16);
            data[used++] = (byte) (v >>> 8);
            data[used++] = (byte) v;
        }
    }
}
