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
 * is the lower-case name ({@code INITIAL_ONLY} is {@code initial_only}), with hyphens for underscores
 * when the enum is {@link Hyphenated} ({@code PER_TABLE} is {@code per-table}). Validator and
 * recommender at once, and the parser for the typed accessor:
 *
 * <pre>{@code
 * static final EnumChoice<SnapshotMode> SNAPSHOT_MODES = EnumChoice.of(SnapshotMode.class);
 * SnapshotMode snapshotMode() { return SNAPSHOT_MODES.parse(getString(SNAPSHOT_MODE)); }
 * }</pre>
 * {@link #ensureValid} refuses null: give the key a default (an explicit null in a connector's JSON replaces the default).
 */
public final class EnumChoice<E extends Enum<E>> implements ConfigDef.Validator, ConfigDef.Recommender {

    /**
     * Marks an enum whose constants are spelled with hyphens, for values whose established spelling has
     * them ({@code per-table}, PgJDBC's {@code verify-ca}).
     */
    public interface Hyphenated {
    }

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

    /** The spelling of a constant in configs: its lower-case name, with hyphens if its enum is {@link Hyphenated}. */
    public static String nameOf(Enum<?> constant) {
        String name = constant.name().toLowerCase(Locale.ROOT);
        return constant instanceof Hyphenated ? name.replace('_', '-') : name;
    }

    /** The constant named by a validated value, case-insensitively; null for null. */
    public E parse(String value) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (nameOf(constant).equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not " + this);
    }

    /** Refuses null too: an explicit null in a connector's JSON would otherwise bypass the key's default. */
    @Override
    public void ensureValid(String name, Object value) {
        if (value == null || names.stream().noneMatch(n -> n.equalsIgnoreCase(value.toString().trim()))) {
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
