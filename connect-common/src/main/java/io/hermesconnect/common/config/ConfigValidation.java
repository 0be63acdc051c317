package io.hermesconnect.common.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Helpers for {@code Connector.validate()}, which should run field validation first
 * ({@code super.validate(props)}), then cross-field rules, then live checks (can connect, privileges…)
 * only when the fields they need are valid, under a timeout, each error attached to the key the user
 * must change:
 *
 * <pre>{@code
 * Config config = super.validate(props);
 * if (ConfigValidation.allValid(config, HOSTNAME, PORT, USER, PASSWORD)) {
 *     ConfigValidation.runLiveCheck(config, HOSTNAME, Duration.ofSeconds(30), problems -> {
 *         try (Connection c = connect(props)) {
 *             if (!hasReplicationRole(c)) problems.add(USER, "lacks the REPLICATION attribute");
 *         }
 *     });
 * }
 * return config;
 * }</pre>
 */
public final class ConfigValidation {

    private ConfigValidation() {
    }

    /** A live check; it reports what is wrong through {@code problems} and may throw to report a failure. */
    @FunctionalInterface
    public interface LiveCheck {
        void run(Problems problems) throws Exception;
    }

    /** Collects a live check's problems, each on a key; thread-safe. */
    public static final class Problems {
        private final List<Map.Entry<String, String>> entries = new ArrayList<>();

        /** Reports a problem on the key the user must change. */
        public synchronized void add(String key, String message) {
            entries.add(Map.entry(key, message));
        }

        private synchronized List<Map.Entry<String, String>> snapshot() {
            return List.copyOf(entries);
        }
    }

    /** The value of a key, if the config has one. */
    public static Optional<ConfigValue> find(Config config, String key) {
        return config.configValues().stream().filter(value -> value.name().equals(key)).findFirst();
    }

    /** The value of a key, added (empty) when the config has none, e.g. for a key outside the {@code ConfigDef}. */
    public static ConfigValue configValue(Config config, String key) {
        return find(config, key).orElseGet(() -> {
            ConfigValue value = new ConfigValue(key);
            config.configValues().add(value);
            return value;
        });
    }

    /** Attaches an error to a key. */
    public static void addError(Config config, String key, String message) {
        configValue(config, key).addErrorMessage(message);
    }

    /** Whether every key is present and has no error: the condition to run a live check that needs them. */
    public static boolean allValid(Config config, String... keys) {
        for (String key : keys) {
            Optional<ConfigValue> value = find(config, key);
            if (value.isEmpty() || !value.get().errorMessages().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Whether any key has an error. */
    public static boolean hasErrors(Config config) {
        return config.configValues().stream().anyMatch(value -> !value.errorMessages().isEmpty());
    }

    /**
     * Runs a live check on its own thread for at most {@code timeout}, then attaches its problems to their
     * keys. A check that throws gets its message attached to {@code key}; one that times out is interrupted
     * and reported on {@code key} too, and what it reports afterwards is ignored.
     *
     * @param key the key a failure or time-out is reported on: the one the user should check first
     * @return whether the check finished in time without throwing (it may still have reported problems)
     */
    public static boolean runLiveCheck(Config config, String key, Duration timeout, LiveCheck check) {
        Problems problems = new Problems();
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hermes-validate-" + key);
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<?> result = executor.submit(() -> {
                check.run(problems);
                return null;
            });
            try {
                result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                result.cancel(true);
                addError(config, key, "Check did not finish within " + timeout.toMillis() + " ms");
                return false;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                addError(config, key, cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName());
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                addError(config, key, "Check was interrupted");
                return false;
            }
        } finally {
            executor.shutdownNow();
            problems.snapshot().forEach(problem -> addError(config, problem.getKey(), problem.getValue()));
        }
    }
}
