package io.hermesconnect.common.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * A string naming one constant of an enum, case-insensitively; the documented and recommended spelling
 * is the lower-case name ({@code INITIAL_ONLY} is {@code initial_only}). Validator and recommender at
 * once, and the parser for the typed accessor:
 *
 * <pre>{@code
 * static final EnumChoice<SnapshotMode> SNAPSHOT_MODES = EnumChoice.of(SnapshotMode.class);
 * SnapshotMode snapshotMode() { return SNAPSHOT_MODES.parse(getString(SNAPSHOT_MODE)); }
 * }</pre>
 * An unset value is accepted by {@link #ensureValid}; make the key required, or give it a default.
 */
public final class EnumChoice<E extends Enum<E>> implements ConfigDef.Validator, ConfigDef.Recommender {

    private final Class<E> type;
    private final List<String> names;

    private EnumChoice(Class<E> type) {
        this.type = type;
        this.names = Arrays.stream(type.getEnumConstants()).map(EnumChoice::nameOf).toList();
    }

    /** The choice among the constants of {@code type}. */
    public static <E extends Enum<E>> EnumChoice<E> of(Class<E> type) {
        return new EnumChoice<>(type);
    }

    /** The lower-case name of a constant: its spelling in configs. */
    public static String nameOf(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The constant named by a validated value, case-insensitively; null for null. */
    public E parse(String value) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not " + this);
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value != null && names.stream().noneMatch(n -> n.equalsIgnoreCase(value.toString().trim()))) {
            throw new ConfigException(name, value, "must be " + this);
        }
    }

    @Override
    public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
        return new ArrayList<>(names);
    }

    @Override
    public boolean visible(String name, Map<String, Object> parsedConfig) {
        return true;
    }

    @Override
    public String toString() {
        return "one of " + String.join(", ", names) + " (case-insensitive)";
    }
}
