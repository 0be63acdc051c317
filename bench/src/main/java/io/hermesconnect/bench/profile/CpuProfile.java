package io.hermesconnect.bench.profile;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Counts CPU samples, each a thread name and a stack (leaf first, frames {@code package.Class.method}), by
 * component, thread role, thread and method, as they are read: a long run's stacks are never all in memory.
 */
public final class CpuProfile {

    private static final int BUSIEST_THREADS = 8;

    private long samples;
    private final Map<Component, Long> components = new EnumMap<>(Component.class);
    private final Map<ThreadRole, Long> threadRoles = new EnumMap<>(ThreadRole.class);
    private final Map<String, Long> threads = new HashMap<>();
    /** The first role other than OTHER seen in a thread's samples: a pool thread may run a task part of the time. */
    private final Map<String, ThreadRole> roleOfThread = new HashMap<>();
    private final Map<String, Long> leafMethods = new HashMap<>();
    private final Map<String, Long> inclusiveMethods = new HashMap<>();

    public void add(String thread, List<String> frames) {
        samples++;
        components.merge(Component.of(frames), 1L, Long::sum);
        ThreadRole role = ThreadRole.of(thread, frames);
        threadRoles.merge(role, 1L, Long::sum);
        threads.merge(thread, 1L, Long::sum);
        roleOfThread.merge(thread, role, (seen, now) -> seen == ThreadRole.OTHER ? now : seen);
        if (!frames.isEmpty()) {
            leafMethods.merge(frames.get(0), 1L, Long::sum);
        }
        // a method on the stack twice (recursion) was still running in one sample only
        for (String method : new HashSet<>(frames)) {
            inclusiveMethods.merge(method, 1L, Long::sum);
        }
    }

    /**
     * All components and thread roles in a fixed order, zeros included, so that runs line up side by side;
     * the busiest threads and the {@code topMethods} most frequent leaf and inclusive methods, most first.
     */
    public ProfileSummary summary(String recording, int topMethods) {
        return new ProfileSummary(recording, samples,
                Arrays.stream(Component.values()).map(c -> share(c.label(), components.getOrDefault(c, 0L))).toList(),
                Arrays.stream(ThreadRole.values()).map(r -> share(r.label(), threadRoles.getOrDefault(r, 0L))).toList(),
                busiestThreads(), top(leafMethods, topMethods), top(inclusiveMethods, topMethods));
    }

    private List<ProfileSummary.ThreadShare> busiestThreads() {
        return top(threads, BUSIEST_THREADS).stream().map(s -> new ProfileSummary.ThreadShare(s.name(),
                roleOfThread.get(s.name()).label(), s.samples(), s.percent())).toList();
    }

    private List<ProfileSummary.Share> top(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> share(e.getKey(), e.getValue()))
                .toList();
    }

    private ProfileSummary.Share share(String name, long count) {
        double percent = samples == 0 ? 0 : Math.round(10_000.0 * count / samples) / 100.0;
        return new ProfileSummary.Share(name, count, percent);
    }
}
