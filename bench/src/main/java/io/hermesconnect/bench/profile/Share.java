package io.hermesconnect.bench.profile;

/**
 * What {@code name} accounts for in a profile: its {@code weight} (samples in a CPU profile, where each counts 1;
 * sampled bytes in an allocation profile) and that as {@code percent} of the profile's total, 2 decimals.
 */
public record Share(String name, long weight, double percent) {

    static Share of(String name, long weight, long total) {
        return new Share(name, weight, total == 0 ? 0 : Math.round(10_000.0 * weight / total) / 100.0);
    }
}
