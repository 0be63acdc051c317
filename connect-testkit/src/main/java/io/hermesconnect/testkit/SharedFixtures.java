package io.hermesconnect.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the servers shared by all tests of a JVM, newest first, when the JUnit run ends
 * ({@link StopSharedFixturesListener}) or else when the JVM exits. Stopping at the end of the run rather
 * than in a shutdown hook matters for Kafka: its test helpers delete the broker's directories in their own
 * shutdown hook, and a broker losing its logs while Connect still runs makes the JVM hang for a minute.
 */
public final class SharedFixtures {

    private static final Logger LOG = LoggerFactory.getLogger(SharedFixtures.class);
    private static final Deque<Runnable> STOPS = new ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedFixtures::stopAll, "shared-fixtures-stopper"));
    }

    private SharedFixtures() {
    }

    /** Registers how to stop a shared server; {@code stop} must also forget the instance so it can be started anew. */
    public static synchronized void register(Runnable stop) {
        STOPS.push(stop);
    }

    /** Stops every registered server once, newest first. */
    public static void stopAll() {
        // each stop runs outside this class's lock: it takes its fixture's own lock
        for (Runnable stop = next(); stop != null; stop = next()) {
            try {
                stop.run();
            } catch (RuntimeException e) {
                LOG.warn("could not stop a shared test server", e);
            }
        }
    }

    private static synchronized Runnable next() {
        return STOPS.poll();
    }
}
