package io.hermesconnect.bench.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/** Reads a JFR recording's {@code jdk.ExecutionSample} events inside a time window into a {@link CpuProfile}. */
public final class JfrExecutionSamples {

    static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";

    private JfrExecutionSamples() {
    }

    /** The samples taken from {@code from} to {@code to}, both included. */
    public static CpuProfile read(Path recording, Instant from, Instant to) {
        CpuProfile profile = new CpuProfile();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                RecordedStackTrace stack = event.getStackTrace();
                if (event.getEventType().getName().equals(EXECUTION_SAMPLE) && stack != null
                        && !event.getStartTime().isBefore(from) && !event.getStartTime().isAfter(to)) {
                    profile.add(JfrFrames.threadName(event.getThread("sampledThread")), JfrFrames.methods(stack));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the flight recording " + recording, e);
        }
        return profile;
    }
}
