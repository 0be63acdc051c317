package io.hermesconnect.sink.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.common.sink.ObjectKey;
import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.TrashedObject;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** The trash ledger's objects survive the ledger through its store, each owned by the partition that trashed it. */
class TrashLedgerTest {

    private static final TopicPartition FIRST = new TopicPartition(UserEvents.TOPIC, 0);
    private static final TopicPartition SECOND = new TopicPartition(UserEvents.TOPIC, 1);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A store in a map, as a compacted topic keeps the latest entry of each object; counts what it made durable. */
    private static final class MapTrashStore implements TrashStore {
        final Map<ObjectKey, Entry> durable = new HashMap<>();
        private final Map<ObjectKey, Entry> unwritten = new HashMap<>();

        @Override
        public Map<ObjectKey, Entry> load(Collection<TopicPartition> partitions) {
            Map<ObjectKey, Entry> loaded = new HashMap<>();
            durable.forEach((object, entry) -> {
                if (partitions.contains(entry.partition())) {
                    loaded.put(object, entry);
                }
            });
            return loaded;
        }

        @Override
        public void save(ObjectKey object, Entry entry) {
            unwritten.put(object, entry);
        }

        @Override
        public void flush() {
            unwritten.forEach((object, entry) -> {
                if (entry == null) {
                    durable.remove(object);
                } else {
                    durable.put(object, entry);
                }
            });
            unwritten.clear();
        }

        @Override
        public void close() {
        }
    }

    private final MapTrashStore store = new MapTrashStore();

    /** The removal of user {@code id}, carried by a record of {@code partition}. */
    private static SinkEvent removal(String id, TopicPartition partition) {
        SinkEvent event = UserEvents.delete(UserEvents.user(id, id, null, null, null));
        SinkRecord record = (SinkRecord) event.record();
        SinkRecord moved = record.newRecord(partition.topic(), partition.partition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), record.timestamp());
        return new SinkEvent(event.object(), event.operation(), event.before(), event.after(), event.unchanged(),
                event.foreignKeys(), event.secretFields(), moved);
    }

    private static List<String> ids(List<TrashedObject> trashed) {
        return trashed.stream().map(object -> (String) object.object().values().get(0)).toList();
    }

    @Test
    void aNewLedgerTakesOverTheObjectsOfThePartitionsItOpensInTrashOrder() {
        TrashLedger first = new TrashLedger(store);
        first.trashed(removal("bob", SECOND), T0.plusSeconds(1));
        first.trashed(removal("ada", FIRST), T0.plusSeconds(2));
        first.trashed(removal("cid", FIRST), T0.plusSeconds(3));
        first.flush();

        TrashLedger next = new TrashLedger(store);
        next.open(List.of(FIRST));
        assertThat(ids(next.before(T0.plusSeconds(10)))).containsExactly("ada", "cid");
        next.open(List.of(SECOND));
        assertThat(ids(next.before(T0.plusSeconds(10)))).as("children first: the order they were trashed in")
                .containsExactly("bob", "ada", "cid");
        assertThat(next.trashEvent(removal("ada", FIRST).object())).isNotNull();

        next.close(List.of(SECOND));
        assertThat(ids(next.before(T0.plusSeconds(10)))).containsExactly("ada", "cid");
    }

    @Test
    void anObjectRecycledOrPurgedLeavesTheStoreOnceFlushed() {
        TrashLedger ledger = new TrashLedger(store);
        SinkEvent ada = removal("ada", FIRST);
        ledger.trashed(ada, T0);
        ledger.trashed(removal("bob", FIRST), T0);
        ledger.flush();

        ledger.forget(ada.object());
        assertThat(store.durable).as("not before the flush").containsKey(ada.object());
        ledger.flush();

        TrashLedger next = new TrashLedger(store);
        next.open(List.of(FIRST));
        assertThat(next.contains(ada.object())).isFalse();
        assertThat(ids(next.before(T0.plusSeconds(1)))).containsExactly("bob");
    }
}
