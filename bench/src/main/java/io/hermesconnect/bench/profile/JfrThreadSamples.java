package io.hermesconnect.bench.profile;

import java.nio.file.Path;
import jdk.jfr.consumer.RecordedThread;

/**
 * Reads one thread's {@code jdk.ExecutionSample} and {@code jdk.ObjectAllocationSample} events from a recording
 * into a {@link MethodProfile} and an {@link AllocationProfile}; the other threads' (JFR's own) are left out.
 */
public final class JfrThreadSamples {

    private JfrThreadSamples() {
    }

    /** The thread's profile with the {@code top} heaviest methods, classes and sites of each kind. */
    public static ThreadProfileSummary summarise(Path recording, long javaThreadId, int top) {
        MethodProfile cpu = new MethodProfile();
        AllocationProfile allocation = new AllocationProfile();
        JfrEvents.forEachWithStack(recording, event -> {
            String type = event.getEventType().getName();
            if (type.equals(JfrEvents.EXECUTION_SAMPLE) && on(event.getThread("sampledThread"), javaThreadId)) {
                cpu.add(JfrFrames.methods(event.getStackTrace()));
            } else if (type.equals(JfrEvents.ALLOCATION_SAMPLE) && on(event.getThread("eventThread"), javaThreadId)) {
                // with lines: one method may allocate at several places, or call several allocating methods
                allocation.add(event.getStartTime(), JfrFrames.className(event.getClass("objectClass")),
                        JfrFrames.methodsWithLines(event.getStackTrace()), event.getLong("weight"));
            }
        });
        return new ThreadProfileSummary(recording.toString(), cpu.samples(), cpu.topLeafMethods(top),
                cpu.topInclusiveMethods(top), allocation.samples(), allocation.weight(), allocation.topClasses(top),
                allocation.topSites(top));
    }

    private static boolean on(RecordedThread thread, long javaThreadId) {
        return thread != null && thread.getJavaThreadId() == javaThreadId;
    }
}
