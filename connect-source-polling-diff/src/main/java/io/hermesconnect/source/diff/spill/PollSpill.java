package io.hermesconnect.source.diff.spill;

import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.store.ObjectEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;

/**
 * The disk-backed maps of one poll's own objects (each source's rows, each type's merged objects), so that the
 * worker's heap stays flat with the number of objects: one temporary MVStore file in the task's local state
 * directory, beside the state's copy, with a cache of a few MB. It holds secrets in clear (they are needed to emit),
 * so it lives only while its poll does: {@link #close} deletes it, and {@link #open} and the task's start delete one
 * a crash left behind.
 *
 * <p>One thread at a time uses a spill: the task's, or while a source's rows are fetched, its {@link SpillWriter}'s.
 */
public final class PollSpill implements AutoCloseable {

    static final String FILE_NAME = "polling-diff-poll.mv.db";

    /** MVStore's page cache, in MB: enough for the merge's cursors and the templates' point look-ups. */
    private static final int CACHE_MB = 4;
    /**
     * How much changed data (MVStore's estimate) may wait on the heap before it is written: the fetch puts rows faster
     * than a background writer would save them.
     */
    private static final int MAX_UNSAVED_BYTES = 4 * 1024 * 1024;

    private final Path file;
    private final MVStore store;
    private int mapsOpened;

    private PollSpill(Path file, MVStore store) {
        this.file = file;
        this.store = store;
    }

    /** A new, empty spill in {@code directory}, replacing one a crashed poll left there. */
    public static PollSpill open(Path directory) {
        deleteLeftover(directory);
        Path file = directory.resolve(FILE_NAME);
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB).autoCommitDisabled().open();
        return new PollSpill(file, store);
    }

    /** Deletes the spill a poll left in {@code directory} when its worker crashed, if any; creates the directory. */
    public static void deleteLeftover(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(directory.resolve(FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the poll's temporary file in " + directory, e);
        }
    }

    /** A new, empty map of objects sorted by key. */
    public SpilledObjects newObjects() {
        return new SpilledObjects(this, newMap());
    }

    /** A new, empty set of keys sorted by key. */
    public SpilledKeys newKeys() {
        return new SpilledKeys(this, newMap());
    }

    private MVMap<ObjectKey, byte[]> newMap() {
        return store.openMap("map." + mapsOpened++, new MVMap.Builder<ObjectKey, byte[]>()
                .keyType(ObjectEncoding.keyType()).valueType(ByteArrayDataType.INSTANCE));
    }

    /** Called after each write: writes the changed pages to the file once they take more than a few MB. */
    void written() {
        if (store.getUnsavedMemory() > MAX_UNSAVED_BYTES) {
            store.commit();
        }
    }

    /** The file, for tests. */
    Path file() {
        return file;
    }

    /** Closes the file without saving it, and deletes it. */
    @Override
    public void close() {
        store.closeImmediately();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the poll's temporary file " + file, e);
        }
    }
}
