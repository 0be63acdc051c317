package io.hermesconnect.bench.profile;

import java.util.List;

/**
 * One run's CPU profile of the worker: its {@code samples} execution samples shared out by component and by
 * thread role, the busiest threads, and the methods most often at the leaf of the stack (time spent in the
 * method itself) or anywhere on it (inclusive: in it or in what it calls). Each share is of all samples.
 */
public record ProfileSummary(String recording, long samples, List<Share> components, List<Share> threadRoles,
        List<ThreadShare> busiestThreads, List<Share> leafMethods, List<Share> inclusiveMethods) {

    /** {@code samples} of the run's samples taken on thread {@code name}, whose role is {@code role}. */
    public record ThreadShare(String name, String role, long samples, double percent) {
    }
}
