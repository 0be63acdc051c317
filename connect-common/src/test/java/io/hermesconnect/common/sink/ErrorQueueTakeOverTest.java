package io.hermesconnect.common.sink;

import static io.hermesconnect.common.sink.SinkEvents.add;
import static io.hermesconnect.common.sink.SinkEvents.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** A queue that takes over the parked objects of a store keeps them in the order they were parked. */
class ErrorQueueTakeOverTest {

    private final FakeTarget target = new FakeTarget();
    private final InMemoryParkedEventStore store = new InMemoryParkedEventStore();
    private final ManualClock clock = new ManualClock();

    @Test
    void objectsParkedInOneMillisecondAreTakenOverInTheOrderOfTheirRecordsWhateverOrderTheStoreReadsThemIn() {
        List<ObjectKey> users = List.of(user("ann"), user("bob"), user("cy"), user("dee"));
        target.refused.addAll(users);
        ErrorQueue first = queue(store);
        users.forEach(object -> first.apply(add(object, "cn", "Name")));
        assertThat(first.parkedObjects()).containsExactlyElementsOf(users);

        // the Kafka store reads the topic's objects through a hash map: any order
        ErrorQueue second = queue(new ReversedStore(store));
        assertThat(second.open(List.of(SinkEvents.PARTITION))).isEqualTo(4);
        assertThat(second.parkedObjects()).containsExactlyElementsOf(users);
    }

    private ErrorQueue queue(ParkedEventStore parkedEvents) {
        return new ErrorQueue(target, parkedEvents, ForeignKeyPolicy.ON_REMOVE, RemediationMode.DISABLED, Duration.ZERO,
                (event, reason) -> { }, clock);
    }

    /** A store that reads back its objects in the reverse order of the one it reads from. */
    private record ReversedStore(ParkedEventStore store) implements ParkedEventStore {

        @Override
        public Map<ObjectKey, List<ParkedEvent>> load(Collection<TopicPartition> partitions) {
            List<Map.Entry<ObjectKey, List<ParkedEvent>>> entries = new ArrayList<>(store.load(partitions).entrySet());
            Collections.reverse(entries);
            Map<ObjectKey, List<ParkedEvent>> reversed = new LinkedHashMap<>();
            entries.forEach(entry -> reversed.put(entry.getKey(), entry.getValue()));
            return reversed;
        }

        @Override
        public void save(ObjectKey object, List<ParkedEvent> events) {
            store.save(object, events);
        }

        @Override
        public void flush() {
            store.flush();
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
