package io.hermesconnect.common.sink;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;

/** A store in memory that counts the saves a flush has not made durable yet, and whose flush can fail. */
final class FlushCountingStore implements ParkedEventStore {

    private final InMemoryParkedEventStore saved = new InMemoryParkedEventStore();
    int savesSinceFlush;
    boolean failFlush;

    @Override
    public Map<ObjectKey, List<ParkedEvent>> load(Collection<TopicPartition> partitions) {
        return saved.load(partitions);
    }

    @Override
    public void save(ObjectKey object, List<ParkedEvent> events) {
        saved.save(object, events);
        savesSinceFlush++;
    }

    @Override
    public void flush() {
        if (failFlush) {
            throw new ConnectException("the broker did not acknowledge");
        }
        savesSinceFlush = 0;
    }

    @Override
    public void close() {
    }
}
