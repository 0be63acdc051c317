package io.hermesconnect.bench.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads one thread's {@code jdk.ExecutionSample} and {@code jdk.ObjectAllocationSample} events from a recording
 * into a {@link MethodProfile} and an {@link AllocationProfile}; the other threads' (JFR's own) are left out.
 */
public final class JfrThreadSamples {

    static final String ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";

    private JfrThreadSamples() {
    }

    /** The thread's profile with the {@code top} heaviest methods, classes and sites of each kind. */
    public static ThreadProfileSummary summarise(Path recording, long javaThreadId, int top) {
        MethodProfile cpu = new MethodProfile();
        AllocationProfile allocation = new AllocationProfile();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                RecordedStackTrace stack = event.getStackTrace();
                String type = event.getEventType().getName();
                if (stack != null && type.equals(JfrExecutionSamples.EXECUTION_SAMPLE)
                        && on(event.getThread("sampledThread"), javaThreadId)) {
                    cpu.add(JfrFrames.methods(stack));
                } else if (stack != null && type.equals(ALLOCATION_SAMPLE)
                        && on(event.getThread("eventThread"), javaThreadId)) {
                    // with lines: one method may allocate at several places, or call several allocating methods
                    allocation.add(event.getStartTime(), JfrFrames.className(event.getClass("objectClass")),
                            JfrFrames.methodsWithLines(stack), event.getLong("weight"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the flight recording " + recording, e);
        }
        return new ThreadProfileSummary(recording.toString(), cpu.samples(), cpu.topLeafMethods(top),
                cpu.topInclusiveMethods(top), allocation.samples(), allocation.weight(), allocation.topClasses(top),
                allocation.topSites(top));
    }

    private static boolean on(RecordedThread thread, long javaThreadId) {
        return thread != null && thread.getJavaThreadId() == javaThreadId;
    }
}
