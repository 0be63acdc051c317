package io.hermesconnect.testkit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names for topics, connectors, databases and entries that do not collide between tests sharing one
 * server. Lower case letters, digits and underscores only, so they are also valid SQL identifiers.
 */
public final class UniqueNames {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    // distinguishes JVMs that share an external server (Samba's fixed ports, a reused data dir)
    private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36);

    private UniqueNames() {
    }

    /** {@code prefix} plus a suffix unique in this JVM and, very likely, across concurrent JVMs. */
    public static String of(String prefix) {
        return prefix + "_" + RUN + "_" + COUNTER.incrementAndGet();
    }
}
