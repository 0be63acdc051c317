package io.hermesconnect.bench.profile;

import java.nio.file.Path;
import java.time.Instant;

/** Reads a JFR recording's {@code jdk.ExecutionSample} events inside a time window into a {@link CpuProfile}. */
public final class JfrExecutionSamples {

    private JfrExecutionSamples() {
    }

    /** The samples taken from {@code from} to {@code to}, both included. */
    public static CpuProfile read(Path recording, Instant from, Instant to) {
        CpuProfile profile = new CpuProfile();
        JfrEvents.forEachWithStack(recording, event -> {
            if (event.getEventType().getName().equals(JfrEvents.EXECUTION_SAMPLE)
                    && !event.getStartTime().isBefore(from) && !event.getStartTime().isAfter(to)) {
                profile.add(JfrFrames.threadName(event.getThread("sampledThread")), JfrFrames.methods(event.getStackTrace()));
            }
        });
        return profile;
    }
}
