package io.hermesconnect.common.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * A comma-separated list (a {@code LIST} key) of unique names made of letters, digits, {@code _} and
 * {@code -}: names that become part of other keys ({@code types.<name>.*}), so never a dot. An unset
 * value is accepted.
 */
public final class UniqueNames implements ConfigDef.Validator {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");

    private final boolean atLeastOne;

    private UniqueNames(boolean atLeastOne) {
        this.atLeastOne = atLeastOne;
    }

    /** A list that may be empty. */
    public static UniqueNames any() {
        return new UniqueNames(false);
    }

    /** A list with at least one name. */
    public static UniqueNames atLeastOne() {
        return new UniqueNames(true);
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            return;
        }
        if (!(value instanceof List<?> names)) {
            throw new ConfigException(name, value, "must be a comma-separated list");
        }
        if (atLeastOne && names.isEmpty()) {
            throw new ConfigException(name, value, "must name at least one");
        }
        Set<String> seen = new HashSet<>();
        for (Object item : names) {
            String itemName = String.valueOf(item);
            if (!NAME.matcher(itemName).matches()) {
                throw new ConfigException(name, value, "'" + itemName + "' is not a valid name (letters, digits, '_' and '-')");
            }
            if (!seen.add(itemName)) {
                throw new ConfigException(name, value, "'" + itemName + "' is listed twice");
            }
        }
    }

    @Override
    public String toString() {
        return (atLeastOne ? "non-empty " : "") + "comma-separated list of unique names (letters, digits, '_' and '-')";
    }
}
