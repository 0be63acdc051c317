package io.hermesconnect.sink.ldap.ad;

import io.hermesconnect.common.config.EnumChoice;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** A list of {@link CharacterClass} names with at least three different ones, as AD's complexity rule wants. */
final class ComplexCharacterClasses implements ConfigDef.Validator {

    private static final int MINIMUM = 3;

    @Override
    public void ensureValid(String name, Object value) {
        if (!(value instanceof List<?> names)) {
            throw new ConfigException(name, value, "must be a list of " + this);
        }
        Set<CharacterClass> classes = new HashSet<>();
        for (Object className : names) {
            ActiveDirectoryConfig.CHARACTER_CLASSES.ensureValid(name, className);
            classes.add(ActiveDirectoryConfig.CHARACTER_CLASSES.parse(className.toString()));
        }
        if (classes.size() < MINIMUM) {
            throw new ConfigException(name, value, "must name at least " + MINIMUM + " different classes,"
                    + " as Active Directory's password complexity rule wants");
        }
    }

    @Override
    public String toString() {
        return "at least " + MINIMUM + " of " + String.join(", ",
                Arrays.stream(CharacterClass.values()).map(EnumChoice::nameOf).toList());
    }
}
