package io.hermesconnect.common.sink;

import java.time.Clock;
import java.util.Map;

/** A connector's task as the core sees it: it opens its target, the core does the rest. */
final class FakeSinkTask extends ChangeEventSinkTask {

    private final SinkTarget target;

    /** A task whose parked events live in the Kafka topic its settings name, as a connector's task's do. */
    FakeSinkTask(SinkTarget target, Clock clock) {
        super(clock, KafkaParkedEventStore::open);
        this.target = target;
    }

    /** A task whose parked events live in {@code store}. */
    FakeSinkTask(SinkTarget target, ParkedEventStore store, Clock clock) {
        super(clock, config -> store);
        this.target = target;
    }

    @Override
    protected SinkTarget openTarget(Map<String, String> props) {
        return target;
    }

    @Override
    public String version() {
        return "test";
    }
}
