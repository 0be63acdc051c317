package io.hermesconnect.bench.profile;

import java.util.List;

/**
 * One thread's profile from a recording: its {@code cpuSamples} execution samples by leaf and inclusive method
 * (shares of all its samples), and its {@code allocationSamples} allocation samples, worth
 * {@code allocationSampledBytes}, by allocated class and by allocation site (shares of those bytes).
 */
public record ThreadProfileSummary(String recording, long cpuSamples, List<Share> leafMethods,
        List<Share> inclusiveMethods, long allocationSamples, long allocationSampledBytes,
        List<Share> allocatedClasses, List<Share> allocationSites) {
}
