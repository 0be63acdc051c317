package io.hermesconnect.bench.profile;

import java.time.Instant;
import java.util.List;

/**
 * Sums one thread's allocation samples' weights (the bytes the thread allocated since its previous sample, as
 * JFR's {@code jdk.ObjectAllocationSample} estimates them) by allocated class and by allocation site, as they are
 * read. The thread's earliest sample is left out: JFR weighs it with all the thread allocated since it started,
 * before the recording (a benchmark's warm-up).
 */
public final class AllocationProfile {

    private static final String OURS = "io.hermesconnect.";
    /** The benchmark's own loop is on every stack: it says nothing about who allocated. */
    private static final String HARNESS = "io.hermesconnect.bench.";
    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    private record Sample(Instant time, String allocatedClass, String site, long weight) {
    }

    private long samples;
    private long weight;
    private final WeightedCounts classes = new WeightedCounts();
    private final WeightedCounts sites = new WeightedCounts();
    /** The earliest sample so far, held back: samples need not arrive in time order. */
    private Sample earliest;

    /** @param frames the allocating stack, leaf first, each frame {@code package.Class.method}, with a line or not */
    public void add(Instant time, String allocatedClass, List<String> frames, long weight) {
        Sample sample = new Sample(time, allocatedClass, site(frames), weight);
        if (earliest == null) {
            earliest = sample;
        } else if (sample.time().isBefore(earliest.time())) {
            count(earliest);
            earliest = sample;
        } else {
            count(sample);
        }
    }

    private void count(Sample sample) {
        samples++;
        weight += sample.weight();
        classes.add(sample.allocatedClass(), sample.weight());
        sites.add(sample.site(), sample.weight());
    }

    /**
     * Who allocated: the frame nearest the leaf in our code (the harness aside), so that what a library allocates
     * for us (Jinjava rendering a template, a Struct we build) counts for our call; otherwise the first frame not in
     * the JDK (Connect's transform, or a library), since a HashMap or a String is allocated for its caller; a stack
     * of JDK frames only counts for its leaf.
     */
    static String site(List<String> frames) {
        return frames.stream().filter(f -> f.startsWith(OURS) && !f.startsWith(HARNESS)).findFirst()
                .or(() -> frames.stream().filter(f -> JDK.stream().noneMatch(f::startsWith)).findFirst())
                .orElse(frames.isEmpty() ? "(no stack)" : frames.get(0));
    }

    /** The samples counted: all but the earliest. */
    public long samples() {
        return samples;
    }

    /** The sampled bytes: the counted samples' weights. */
    public long weight() {
        return weight;
    }

    /** The {@code limit} classes with the most sampled bytes, most first, as shares of {@link #weight()}. */
    public List<Share> topClasses(int limit) {
        return classes.top(limit, weight);
    }

    /** The {@code limit} allocation sites with the most sampled bytes, most first, as shares of {@link #weight()}. */
    public List<Share> topSites(int limit) {
        return sites.top(limit, weight);
    }
}
