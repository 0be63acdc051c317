package io.hermesconnect.bench.profile;

import java.util.HashSet;
import java.util.List;

/**
 * Counts CPU samples' stacks (leaf first, frames {@code package.Class.method}) by the method at the leaf (time
 * spent in the method itself) and by every method on the stack (inclusive: in it or in what it calls).
 */
public final class MethodProfile {

    private long samples;
    private final WeightedCounts leafMethods = new WeightedCounts();
    private final WeightedCounts inclusiveMethods = new WeightedCounts();

    public void add(List<String> frames) {
        samples++;
        if (!frames.isEmpty()) {
            leafMethods.add(frames.get(0), 1);
        }
        // a method on the stack twice (recursion) was still running in one sample only
        for (String method : new HashSet<>(frames)) {
            inclusiveMethods.add(method, 1);
        }
    }

    public long samples() {
        return samples;
    }

    /** The {@code limit} most frequent leaf methods, most first, as shares of all samples. */
    public List<Share> topLeafMethods(int limit) {
        return leafMethods.top(limit, samples);
    }

    /** The {@code limit} most frequent methods anywhere on the stack, most first, as shares of all samples. */
    public List<Share> topInclusiveMethods(int limit) {
        return inclusiveMethods.top(limit, samples);
    }
}
