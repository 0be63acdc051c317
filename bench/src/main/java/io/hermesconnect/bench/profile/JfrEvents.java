package io.hermesconnect.bench.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** Streams a recording's events with a stack trace, one at a time: a long run's events never all sit in memory. */
final class JfrEvents {

    static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    static final String ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";

    private JfrEvents() {
    }

    static void forEachWithStack(Path recording, Consumer<RecordedEvent> action) {
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getStackTrace() != null) {
                    action.accept(event);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the flight recording " + recording, e);
        }
    }
}
