package io.hermesconnect.common.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Recommender;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Validator;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * Builds a {@link ConfigDef} group by group, numbering keys in each group in the order they are
 * defined, so that every key carries type, default, validator, importance, documentation, group,
 * order, width and display name:
 *
 * <pre>{@code
 * ConfigDef def = new GroupedConfigDef()
 *     .group("Connection")
 *         .define("database.hostname", Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(),
 *                 Importance.HIGH, "Host name of the database server.", Width.MEDIUM, "Hostname")
 *         .define("database.port", Type.INT, 5432, ConfigDef.Range.between(1, 65535),
 *                 Importance.MEDIUM, "Port of the database server.", Width.SHORT, "Port")
 *     .group("Snapshot")
 *         .define("snapshot.mode", Type.STRING, "initial", SNAPSHOT_MODES, Importance.MEDIUM,
 *                 "When to take a snapshot.", Width.SHORT, "Snapshot mode", SNAPSHOT_MODES)
 *     .configDef();
 * }</pre>
 * Groups appear in the order they are first used; using a group again continues its numbering.
 */
public final class GroupedConfigDef {

    private final ConfigDef def;
    private final Map<String, Integer> lastOrderByGroup = new HashMap<>();

    /** Starts an empty definition. */
    public GroupedConfigDef() {
        this(new ConfigDef());
    }

    /** Adds groups to an existing definition, e.g. a base class's. */
    public GroupedConfigDef(ConfigDef def) {
        this.def = def;
        def.configKeys().values().forEach(key -> {
            if (key.group != null) {
                lastOrderByGroup.merge(key.group, key.orderInGroup, Math::max);
            }
        });
    }

    /** The group the next keys are defined in. */
    public Group group(String name) {
        return new Group(name);
    }

    /** The definition built so far. */
    public ConfigDef configDef() {
        return def;
    }

    /** Defines keys in one group. */
    public final class Group {
        private final String name;

        private Group(String name) {
            this.name = name;
        }

        /**
         * Defines a key in this group, numbered after the group's previous keys.
         *
         * @param defaultValue the default, or {@link ConfigDef#NO_DEFAULT_VALUE} for a required key
         * @param validator    checks a value; its {@code toString()} is the "valid values" line of the docs; may be null
         */
        public Group define(String key, Type type, Object defaultValue, Validator validator, Importance importance,
                            String documentation, Width width, String displayName) {
            return define(key, type, defaultValue, validator, importance, documentation, width, displayName, null);
        }

        /** {@link #define(String, Type, Object, Validator, Importance, String, Width, String) define} with a recommender of valid values. */
        public Group define(String key, Type type, Object defaultValue, Validator validator, Importance importance,
                            String documentation, Width width, String displayName, Recommender recommender) {
            int order = lastOrderByGroup.merge(name, 1, Integer::sum);
            def.define(key, type, defaultValue, validator, importance, documentation, name, order, width, displayName,
                    List.of(), recommender);
            return this;
        }

        /** Continues with another group. */
        public Group group(String name) {
            return GroupedConfigDef.this.group(name);
        }

        /** The definition built so far. */
        public ConfigDef configDef() {
            return def;
        }
    }
}
