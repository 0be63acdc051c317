package io.hermesconnect.sink.http;

import io.hermesconnect.common.sink.ObjectKey;
import io.hermesconnect.common.sink.SinkEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/** Where a {@link TrashLedger} keeps what the target trashed, so that it outlives the task. */
public interface TrashStore extends AutoCloseable {

    /** A store that keeps nothing: for a target whose trashbin is off, and for tests of the target alone. */
    TrashStore NONE = new TrashStore() {
        @Override
        public Map<ObjectKey, Entry> load(Collection<TopicPartition> partitions) {
            return Map.of();
        }

        @Override
        public void save(ObjectKey object, Entry entry) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /**
     * An object in the trash.
     *
     * @param trashedAt when the target trashed it
     * @param event the removal that trashed it
     */
    record Entry(Instant trashedAt, SinkEvent event) {

        /** The partition of the record that trashed the object: the task assigned it owns the entry. */
        TopicPartition partition() {
            SinkRecord record = (SinkRecord) event.record();
            return new TopicPartition(record.topic(), record.kafkaPartition());
        }
    }

    /** The objects in the trash whose removal came from one of {@code partitions}. */
    Map<ObjectKey, Entry> load(Collection<TopicPartition> partitions);

    /** Records that an object is in the trash, or with a null {@code entry} that it left it. */
    void save(ObjectKey object, Entry entry);

    /**
     * Returns once every save so far is durable.
     *
     * @throws org.apache.kafka.connect.errors.ConnectException when a save could not be made durable
     */
    void flush();

    @Override
    void close();
}
