package io.hermesconnect.source.diff;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every log line of this JVM at INFO and above, with its exceptions, while open: our connectors' and the
 * embedded Connect workers' (whose logger, quiet in tests, is set to INFO meanwhile). Closing detaches it and restores
 * Kafka's level.
 */
final class WorkerLogCapture extends AbstractAppender implements AutoCloseable {

    private static final String KAFKA = "org.apache.kafka";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Level kafkaLevel;

    private WorkerLogCapture() {
        super("worker-log-capture", null, null, true, Property.EMPTY_ARRAY);
    }

    /** Starts capturing. */
    static WorkerLogCapture capture() {
        WorkerLogCapture capture = new WorkerLogCapture();
        capture.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        configuration.getRootLogger().addAppender(capture, Level.INFO, null);
        LoggerConfig kafka = configuration.getLoggerConfig(KAFKA);
        capture.kafkaLevel = kafka.getLevel();
        kafka.setLevel(Level.INFO);
        context.updateLoggers();
        return capture;
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder line = new StringBuilder(event.getMessage().getFormattedMessage());
        for (Throwable cause = event.getThrown(); cause != null; cause = cause.getCause()) {
            line.append(" | ").append(cause);
        }
        lines.add(line.toString());
    }

    /** The lines captured so far. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        configuration.getRootLogger().removeAppender(getName());
        configuration.getLoggerConfig(KAFKA).setLevel(kafkaLevel);
        context.updateLoggers();
        stop();
    }
}
