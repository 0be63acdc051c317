package io.hermesconnect.bench.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;

/**
 * A flight recording of this JVM with allocation samples (up to {@value #ALLOCATION_SAMPLES_PER_SECOND} a second,
 * each with its stack) and execution samples every 10 ms, nothing else; read it with {@link JfrThreadSamples}.
 * JFR keeps 64 frames from the leaf unless the JVM runs with {@code -XX:FlightRecorderOptions:stackdepth=N}.
 */
public final class InProcessRecording implements AutoCloseable {

    /**
     * JFR's profile.jfc takes 300. A sample is taken at most when the thread starts a new TLAB, which the busiest
     * cases do some 2,000 times a second: a run of a few seconds needs them all to rank 15 sites.
     */
    private static final String ALLOCATION_SAMPLES_PER_SECOND = "5000";

    private final Recording recording = new Recording();

    /** Creating it starts JFR in this JVM (a second or so of class loading): do it before anything is timed. */
    public InProcessRecording() {
        recording.enable(JfrEvents.ALLOCATION_SAMPLE)
                .with("throttle", ALLOCATION_SAMPLES_PER_SECOND + "/s").withStackTrace();
        recording.enable(JfrEvents.EXECUTION_SAMPLE).withPeriod(Duration.ofMillis(10));
    }

    public void start() {
        recording.start();
    }

    /** Stops recording and writes what was recorded to {@code file}, replacing it. */
    public Path stop(Path file) {
        recording.stop();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            recording.dump(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the flight recording " + file, e);
        }
        return file;
    }

    @Override
    public void close() {
        recording.close();
    }
}
