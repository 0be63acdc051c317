package io.hermesconnect.common.sink;

import java.time.Clock;
import java.util.Map;

/** A connector's task as the core sees it: it opens its target, the core does the rest. */
final class FakeSinkTask extends ChangeEventSinkTask {

    private final SinkTarget target;

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
