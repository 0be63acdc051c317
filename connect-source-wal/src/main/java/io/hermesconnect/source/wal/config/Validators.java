package io.hermesconnect.source.wal.config;

import io.hermesconnect.common.config.RegexPattern;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The WAL source's small validators; each {@code toString()} is the "Valid values" line of the docs. */
public final class Validators {

    private Validators() {
    }

    /** A replication slot name as PostgreSQL accepts it: lower-case letters, digits and underscores, 1–63 of them. */
    public static ConfigDef.Validator slotName() {
        return new SlotName();
    }

    /** A comma-separated list of Java regular expressions, each checked as a {@link RegexPattern}. */
    public static ConfigDef.Validator regexList() {
        return new RegexList();
    }

    /** Characters Kafka allows in a topic name (the prefix becomes part of every topic name). */
    public static ConfigDef.Validator topicPrefix() {
        return new TopicPrefix();
    }

    private static final class SlotName implements ConfigDef.Validator {
        private static final Pattern VALID = Pattern.compile("[a-z0-9_]{1,63}");

        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || !VALID.matcher(value.toString()).matches()) {
                throw new ConfigException(name, value,
                        "a slot name may contain only lower-case letters, digits and underscores, 1 to 63 characters");
            }
        }

        @Override
        public String toString() {
            return "[a-z0-9_]{1,63}";
        }
    }

    private static final class RegexList implements ConfigDef.Validator {
        private final RegexPattern each = new RegexPattern();

        @Override
        public void ensureValid(String name, Object value) {
            if (value instanceof List<?> patterns) {
                patterns.forEach(pattern -> each.ensureValid(name, pattern.toString().trim()));
            }
        }

        @Override
        public String toString() {
            return "comma-separated regular expressions";
        }
    }

    private static final class TopicPrefix implements ConfigDef.Validator {
        private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9._-]{1,200}");

        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || !VALID.matcher(value.toString()).matches()) {
                throw new ConfigException(name, value, "must be 1 to 200 of the characters a-z A-Z 0-9 . _ -");
            }
        }

        @Override
        public String toString() {
            return "[a-zA-Z0-9._-]{1,200}";
        }
    }
}
