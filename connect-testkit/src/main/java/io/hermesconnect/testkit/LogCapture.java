package io.hermesconnect.testkit;

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
 * Captures the log lines of one logger and its children down to a level, with their exceptions and causes, while
 * open: for tests that check what a plugin logs, e.g. that no secret ever reaches the log.
 * <pre>{@code
 * try (LogCapture log = LogCapture.of("io.hermesconnect", Level.DEBUG)) {
 *     ...
 *     assertThat(log.text()).doesNotContain(secret);
 * }
 * }</pre>
 */
public final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final String loggerName;
    private Level previousLevel;
    private boolean addedLogger;

    private LogCapture(String loggerName) {
        super("log-capture-" + loggerName, null, null, true, Property.EMPTY_ARRAY);
        this.loggerName = loggerName;
    }

    /** Starts capturing logger {@code loggerName} and its children at {@code level} and above. */
    public static LogCapture of(String loggerName, Level level) {
        LogCapture capture = new LogCapture(loggerName);
        capture.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        LoggerConfig logger = configuration.getLoggerConfig(loggerName);
        if (!logger.getName().equals(loggerName)) {
            logger = new LoggerConfig(loggerName, level, true);
            configuration.addLogger(loggerName, logger);
            capture.addedLogger = true;
        }
        capture.previousLevel = logger.getLevel();
        logger.setLevel(level);
        logger.addAppender(capture, level, null);
        context.updateLoggers();
        return capture;
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " "
                + event.getMessage().getFormattedMessage());
        for (Throwable cause = event.getThrown(); cause != null; cause = cause.getCause()) {
            line.append(" | ").append(cause);
        }
        lines.add(line.toString());
    }

    /** The lines captured so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The lines captured so far, one per line. */
    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        if (addedLogger) {
            configuration.removeLogger(loggerName);
        } else {
            LoggerConfig logger = configuration.getLoggerConfig(loggerName);
            logger.removeAppender(getName());
            logger.setLevel(previousLevel);
        }
        context.updateLoggers();
        stop();
    }
}
