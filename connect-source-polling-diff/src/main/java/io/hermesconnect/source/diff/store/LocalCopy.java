package io.hermesconnect.source.diff.store;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.LongDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's disk-backed copy of the state topic: one H2 MVStore file holding a map per type (key to the object's
 * attributes as the topic holds them, in {@link ObjectKey}'s order), the pending records of the poll in progress, and
 * which topic and up to which offset the copy holds. MVStore keeps only a bounded cache of pages on the heap and
 * writes the rest to the file.
 *
 * <p>A save may happen in the middle of applying records, but always with the offset of the records applied before:
 * reopening it applies those records again, which gives the same state, as applying a record only puts or removes
 * one key.
 */
final class LocalCopy implements AutoCloseable {

    static final String FILE_NAME = "polling-diff-state.mv.db";

    private static final Logger LOG = LoggerFactory.getLogger(LocalCopy.class);
    private static final String TYPE_MAP_PREFIX = "type.";
    private static final String PENDING_MAP = "pending";
    private static final String POSITION_MAP = "position";
    private static final String FORMAT = "format";
    private static final String TOPIC = "topic";
    private static final String TOPIC_ID = "topic.id";
    private static final String NEXT_OFFSET = "next.offset";
    /**
     * How much changed data (MVStore's estimate) may wait on the heap for the background writer before the writing
     * thread saves it itself: a restore writes faster than the background writer saves, and unsaved pages would
     * otherwise pile up to hundreds of MB and keep the garbage collector busy.
     */
    private static final int MAX_UNSAVED_BYTES = 4 * 1024 * 1024;
    /** The version of the file's layout and encoding; a file of another version is rebuilt. */
    private static final String CURRENT_FORMAT = "1";

    private final Path file;
    private final MVStore store;
    private final MVMap<String, String> position;
    private final MVMap<Long, SerializedRecord> pending;
    private final Map<String, MVMap<ObjectKey, byte[]>> typeMaps = new HashMap<>();

    private LocalCopy(Path file, MVStore store) {
        this.file = file;
        this.store = store;
        this.position = store.openMap(POSITION_MAP);
        this.pending = store.openMap(PENDING_MAP,
                new MVMap.Builder<Long, SerializedRecord>().keyType(LongDataType.INSTANCE).valueType(PendingRecordType.INSTANCE));
    }

    /**
     * Opens the copy in {@code directory}, creating it if missing; an unreadable file is replaced by an empty one, a
     * file another process has open is an error.
     * What a poll left pending before a crash is dropped: it never reached the local copy.
     */
    static LocalCopy open(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the state directory " + directory, e);
        }
        LocalCopy copy;
        try {
            copy = new LocalCopy(file, openStore(file));
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new IllegalStateException("The local state copy " + file + " is in use by another task or process", e);
            }
            LOG.warn("The local state copy {} is unreadable; it is rebuilt from the state topic", file, e);
            deleteFile(file);
            copy = new LocalCopy(file, openStore(file));
        }
        copy.pending.clear();
        return copy;
    }

    private static MVStore openStore(Path file) {
        return new MVStore.Builder().fileName(file.toString()).open();
    }

    private static void deleteFile(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the unreadable local state copy " + file, e);
        }
    }

    /** The file, for logs. */
    Path file() {
        return file;
    }

    /** What the copy holds, or empty when it holds nothing usable (new, or of another format). */
    Optional<ChangelogPosition> position() {
        String offset = position.get(NEXT_OFFSET);
        if (offset == null || !CURRENT_FORMAT.equals(position.get(FORMAT))) {
            return Optional.empty();
        }
        return Optional.of(new ChangelogPosition(position.get(TOPIC), position.get(TOPIC_ID), Long.parseLong(offset)));
    }

    /** Drops every object and starts over as a copy of {@code topic} before its first record. */
    void reset(String topic, String topicId) {
        for (String name : store.getMapNames()) {
            if (name.startsWith(TYPE_MAP_PREFIX)) {
                store.removeMap(name);
            }
        }
        typeMaps.clear();
        pending.clear();
        position.clear();
        position.put(FORMAT, CURRENT_FORMAT);
        position.put(TOPIC, topic);
        position.put(TOPIC_ID, topicId);
        position.put(NEXT_OFFSET, "0");
        store.commit();
    }

    /**
     * Applies one record of the topic: its object's new state, or its removal. The object is kept in the record's
     * bytes, decoded only when read: a restore decodes no attribute, and the page cache holds bytes, not objects.
     */
    void apply(SerializedRecord record) {
        ByteBuffer recordKey = ByteBuffer.wrap(record.key());
        MVMap<ObjectKey, byte[]> objects = typeMap(ValueCodec.readText(recordKey));
        ObjectKey key = StateCodec.readKey(recordKey);
        if (record.value() == null) {
            objects.remove(key);
        } else {
            objects.put(key, record.value());
        }
        saveIfMuchUnsaved();
    }

    /** Records that every topic record before {@code offset} is applied. */
    void appliedUpTo(long offset) {
        position.put(NEXT_OFFSET, Long.toString(offset));
    }

    /** Saves the current version to the file. */
    void commit() {
        store.commit();
    }

    /** The objects of {@code type} in key order, each decoded only if asked; none when the type holds none. */
    Iterator<EncodedObject> objects(String type) {
        return existingTypeMap(type).<Iterator<EncodedObject>>map(EncodedIterator::new).orElse(Collections.emptyIterator());
    }

    /** The keys of {@code type} in order, no object decoded; none when the type holds none. */
    Iterator<ObjectKey> keys(String type) {
        return existingTypeMap(type).map(objects -> objects.keyIterator(null)).orElse(Collections.emptyIterator());
    }

    Optional<DataObject> find(String type, ObjectKey key) {
        return existingTypeMap(type).map(objects -> objects.get(key)).map(attributes -> new EncodedObject(key, attributes, 0).decode());
    }

    long size(String type) {
        return existingTypeMap(type).map(MVMap::sizeAsLong).orElse(0L);
    }

    /** The types that hold at least one object, sorted. */
    Set<String> types() {
        Set<String> types = new TreeSet<>();
        for (String name : store.getMapNames()) {
            if (name.startsWith(TYPE_MAP_PREFIX) && size(name.substring(TYPE_MAP_PREFIX.length())) > 0) {
                types.add(name.substring(TYPE_MAP_PREFIX.length()));
            }
        }
        return types;
    }

    void addPending(SerializedRecord record) {
        pending.put(pending.sizeAsLong(), record);
        saveIfMuchUnsaved();
    }

    private void saveIfMuchUnsaved() {
        if (store.getUnsavedMemory() > MAX_UNSAVED_BYTES) {
            store.commit();
        }
    }

    long pendingCount() {
        return pending.sizeAsLong();
    }

    /** The pending records in the order they were added. */
    Iterator<SerializedRecord> pending() {
        return pending.values().iterator();
    }

    void clearPending() {
        pending.clear();
    }

    @Override
    public void close() {
        store.close();
    }

    /** Closes the file without saving what was not saved yet: what a crash leaves. Visible for testing. */
    void closeWithoutSaving() {
        store.closeImmediately();
    }

    private MVMap<ObjectKey, byte[]> typeMap(String type) {
        return typeMaps.computeIfAbsent(type, name -> store.openMap(TYPE_MAP_PREFIX + name,
                new MVMap.Builder<ObjectKey, byte[]>().keyType(ObjectKeyType.INSTANCE).valueType(ByteArrayDataType.INSTANCE)));
    }

    private Optional<MVMap<ObjectKey, byte[]>> existingTypeMap(String type) {
        return typeMaps.containsKey(type) || store.hasMap(TYPE_MAP_PREFIX + type) ? Optional.of(typeMap(type)) : Optional.empty();
    }

    /** A type's objects in key order, as the topic's records hold them. */
    private static final class EncodedIterator implements Iterator<EncodedObject> {

        private final Cursor<ObjectKey, byte[]> cursor;

        EncodedIterator(MVMap<ObjectKey, byte[]> objects) {
            this.cursor = objects.cursor(null);
        }

        @Override
        public boolean hasNext() {
            return cursor.hasNext();
        }

        @Override
        public EncodedObject next() {
            ObjectKey key = cursor.next();
            return new EncodedObject(key, cursor.getValue(), 0);
        }
    }
}
