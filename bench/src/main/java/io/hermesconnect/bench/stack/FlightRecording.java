package io.hermesconnect.bench.stack;

import io.hermesconnect.bench.profile.JfrSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import jdk.management.jfr.FlightRecorderMXBean;

/**
 * A JDK Flight Recorder recording in the worker JVM with {@link JfrSettings#CPU_SAMPLING} settings, controlled over
 * JMX. The worker writes it to a file when it stops: the worker runs on this host, so the path is the harness's too.
 */
public final class FlightRecording implements AutoCloseable {

    private final FlightRecorderMXBean recorder;
    private final long id;
    private final Path destination;
    private boolean running = true;

    private FlightRecording(FlightRecorderMXBean recorder, long id, Path destination) {
        this.recorder = recorder;
        this.id = id;
        this.destination = destination;
    }

    static FlightRecording start(MBeanServerConnection server, String name, Path destination) {
        FlightRecorderMXBean recorder = JMX.newMXBeanProxy(server, recorderName(), FlightRecorderMXBean.class);
        long id = recorder.newRecording();
        try {
            recorder.setConfiguration(id, JfrSettings.CPU_SAMPLING);
            recorder.setRecordingOptions(id, Map.of("name", name, "destination", destination.toString()));
            recorder.startRecording(id);
            return new FlightRecording(recorder, id, destination);
        } catch (RuntimeException e) {
            discard(recorder, id);
            throw e;
        }
    }

    /** Stops recording and returns the file the worker wrote (JFR closes a recording with a destination itself). */
    public Path stop() {
        recorder.stopRecording(id);
        running = false;
        if (!Files.isRegularFile(destination)) {
            throw new IllegalStateException("the worker stopped recording " + id + " but wrote no " + destination);
        }
        return destination;
    }

    /** Discards the recording if it was not stopped (a failed run); the worker may be gone then. */
    @Override
    public void close() {
        if (running) {
            running = false;
            discard(recorder, id);
        }
    }

    private static void discard(FlightRecorderMXBean recorder, long id) {
        try {
            recorder.closeRecording(id);
        } catch (IOException | RuntimeException e) {
            // the worker died or its JMX connection is gone: the recording went with it
        }
    }

    private static ObjectName recorderName() {
        try {
            return new ObjectName(FlightRecorderMXBean.MXBEAN_NAME);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
