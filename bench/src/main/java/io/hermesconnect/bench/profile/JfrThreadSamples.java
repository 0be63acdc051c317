package io.hermesconnect.bench.profile;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Reads the {@code jdk.ExecutionSample} and {@code jdk.ObjectAllocationSample} events of one thread, told by its
 * name (a benchmark's measuring thread), from a recording into a {@link MethodProfile} and an
 * {@link AllocationProfile}; the other threads' (JFR's own, the benchmark framework's) are left out. Only samples
 * taken in the measured method count, and each stack is cut above it: its callers (the framework's loop, a thread
 * pool, reflection) are on every stack and would fill the top of the inclusive methods, and what the framework does
 * between calls is not what is measured.
 */
public final class JfrThreadSamples {

    private JfrThreadSamples() {
    }

    /**
     * The profile of the thread {@code threadName} accepts, with the {@code top} heaviest methods, classes and sites
     * of each kind.
     *
     * @param measuredMethod {@code package.Class.method}: samples without it on the stack are left out, and its
     *                       callers are cut off the others
     */
    public static ThreadProfileSummary summarise(Path recording, Predicate<String> threadName, String measuredMethod,
            int top) {
        MethodProfile cpu = new MethodProfile();
        AllocationProfile allocation = new AllocationProfile();
        JfrEvents.forEachWithStack(recording, event -> {
            String type = event.getEventType().getName();
            RecordedStackTrace stack = event.getStackTrace();
            if (type.equals(JfrEvents.EXECUTION_SAMPLE) && selected(event.getThread("sampledThread"), threadName)) {
                List<String> methods = JfrFrames.methods(stack);
                int depth = depth(methods, measuredMethod);
                if (depth > 0) {
                    cpu.add(methods.subList(0, depth));
                }
            } else if (type.equals(JfrEvents.ALLOCATION_SAMPLE) && selected(event.getThread("eventThread"), threadName)) {
                int depth = depth(JfrFrames.methods(stack), measuredMethod);
                if (depth > 0) {
                    // with lines: one method may allocate at several places, or call several allocating methods
                    allocation.add(event.getStartTime(), JfrFrames.className(event.getClass("objectClass")),
                            JfrFrames.methodsWithLines(stack).subList(0, depth), event.getLong("weight"));
                }
            }
        });
        return new ThreadProfileSummary(recording.toString(), cpu.samples(), cpu.topLeafMethods(top),
                cpu.topInclusiveMethods(top), allocation.samples(), allocation.weight(), allocation.topClasses(top),
                allocation.topSites(top));
    }

    private static boolean selected(RecordedThread thread, Predicate<String> threadName) {
        return thread != null && thread.getJavaName() != null && threadName.test(thread.getJavaName());
    }

    /** How many frames of a stack (leaf first) to keep: up to the measured method's; none where it is absent. */
    static int depth(List<String> methods, String measuredMethod) {
        return methods.indexOf(measuredMethod) + 1;
    }
}
