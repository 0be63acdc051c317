package io.hermesconnect.source.diff.config;

import org.apache.kafka.common.config.ConfigException;

/**
 * A setting that cannot be used, with the key the user must change and the problem on its own, so that
 * {@code validate()} can attach the problem to the key. The message never quotes a value.
 */
public final class InvalidSettingException extends ConfigException {

    private final String key;
    private final String problem;

    public InvalidSettingException(String key, String problem) {
        super("Invalid configuration " + key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** The key the user must change. */
    public String key() {
        return key;
    }

    /** What is wrong, without the key. */
    public String problem() {
        return problem;
    }
}
