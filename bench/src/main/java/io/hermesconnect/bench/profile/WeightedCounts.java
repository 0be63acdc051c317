package io.hermesconnect.bench.profile;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sample weights summed by name, as samples are read. */
final class WeightedCounts {

    private final Map<String, Long> weights = new HashMap<>();

    void add(String name, long weight) {
        weights.merge(name, weight, Long::sum);
    }

    /** {@code name}'s share of {@code total} (zero if it was never added). */
    Share share(String name, long total) {
        return Share.of(name, weights.getOrDefault(name, 0L), total);
    }

    /** The {@code limit} heaviest names, heaviest first, ties by name, as shares of {@code total}. */
    List<Share> top(int limit, long total) {
        return weights.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> Share.of(e.getKey(), e.getValue(), total))
                .toList();
    }
}
