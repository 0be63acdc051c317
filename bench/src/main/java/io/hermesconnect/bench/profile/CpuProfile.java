package io.hermesconnect.bench.profile;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts CPU samples, each a thread name and a stack (leaf first, frames {@code package.Class.method}), by
 * component, thread role, thread and method, as they are read: a long run's stacks are never all in memory.
 */
public final class CpuProfile {

    private static final int BUSIEST_THREADS = 8;

    private final WeightedCounts components = new WeightedCounts();
    private final WeightedCounts threadRoles = new WeightedCounts();
    private final WeightedCounts threads = new WeightedCounts();
    /** The first role other than OTHER seen in a thread's samples: a pool thread may run a task part of the time. */
    private final Map<String, ThreadRole> roleOfThread = new HashMap<>();
    private final MethodProfile methods = new MethodProfile();

    public void add(String thread, List<String> frames) {
        components.add(Component.of(frames).label(), 1);
        ThreadRole role = ThreadRole.of(thread, frames);
        threadRoles.add(role.label(), 1);
        threads.add(thread, 1);
        roleOfThread.merge(thread, role, (seen, now) -> seen == ThreadRole.OTHER ? now : seen);
        methods.add(frames);
    }

    /**
     * All components and thread roles in a fixed order, zeros included, so that runs line up side by side;
     * the busiest threads and the {@code topMethods} most frequent leaf and inclusive methods, most first.
     */
    public ProfileSummary summary(String recording, int topMethods) {
        long samples = methods.samples();
        return new ProfileSummary(recording, samples,
                Arrays.stream(Component.values()).map(c -> components.share(c.label(), samples)).toList(),
                Arrays.stream(ThreadRole.values()).map(r -> threadRoles.share(r.label(), samples)).toList(),
                busiestThreads(samples), methods.topLeafMethods(topMethods), methods.topInclusiveMethods(topMethods));
    }

    private List<ProfileSummary.ThreadShare> busiestThreads(long samples) {
        return threads.top(BUSIEST_THREADS, samples).stream().map(s -> new ProfileSummary.ThreadShare(s.name(),
                roleOfThread.get(s.name()).label(), s.weight(), s.percent())).toList();
    }
}
