package io.hermesconnect.bench.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/** Reads a JFR recording's {@code jdk.ExecutionSample} events inside a time window into a {@link CpuProfile}. */
public final class JfrExecutionSamples {

    private static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    /** JFR names a hidden class (a lambda, a method handle form) with its address and a hash, new in every JVM. */
    private static final Pattern HIDDEN_CLASS_SUFFIX = Pattern.compile("\\+0x\\p{XDigit}+\\.\\d+$");
    private static final Pattern LAMBDA_NUMBER = Pattern.compile("\\$\\$Lambda\\$\\d+$");

    private JfrExecutionSamples() {
    }

    /** The samples taken from {@code from} to {@code to}, both included. */
    public static CpuProfile read(Path recording, Instant from, Instant to) {
        CpuProfile profile = new CpuProfile();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                RecordedStackTrace stack = event.getStackTrace();
                if (event.getEventType().getName().equals(EXECUTION_SAMPLE) && stack != null
                        && !event.getStartTime().isBefore(from) && !event.getStartTime().isAfter(to)) {
                    profile.add(threadName(event.getThread("sampledThread")), frames(stack));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the flight recording " + recording, e);
        }
        return profile;
    }

    private static String threadName(RecordedThread thread) {
        if (thread == null) {
            return "(unknown)";
        }
        return thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
    }

    private static List<String> frames(RecordedStackTrace stack) {
        return stack.getFrames().stream().map(JfrExecutionSamples::method).toList();
    }

    private static String method(RecordedFrame frame) {
        return readableClassName(frame.getMethod().getType().getName()) + "." + frame.getMethod().getName();
    }

    /** {@code Plugins$$Lambda$1411+0x00007f248c645000.1447554808} becomes {@code Plugins$$Lambda} in every JVM. */
    static String readableClassName(String jfrName) {
        String withoutAddress = HIDDEN_CLASS_SUFFIX.matcher(jfrName).replaceFirst("");
        return LAMBDA_NUMBER.matcher(withoutAddress).replaceFirst(Matcher.quoteReplacement("$$Lambda"));
    }
}
