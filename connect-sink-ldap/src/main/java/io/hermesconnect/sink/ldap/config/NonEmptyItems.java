package io.hermesconnect.sink.ldap.config;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** A comma list (a {@code LIST} key) whose items are not blank, with at least one item unless it may be empty. */
final class NonEmptyItems implements ConfigDef.Validator {

    private final boolean atLeastOne;

    private NonEmptyItems(boolean atLeastOne) {
        this.atLeastOne = atLeastOne;
    }

    static NonEmptyItems atLeastOne() {
        return new NonEmptyItems(true);
    }

    static NonEmptyItems any() {
        return new NonEmptyItems(false);
    }

    @Override
    public void ensureValid(String name, Object value) {
        List<?> items = value == null ? List.of() : (List<?>) value;
        if (atLeastOne && items.isEmpty()) {
            throw new ConfigException(name, value, "must list at least one item");
        }
        if (items.stream().anyMatch(item -> item.toString().isBlank())) {
            throw new ConfigException(name, value, "must not have an empty item");
        }
    }

    @Override
    public String toString() {
        return (atLeastOne ? "a non-empty" : "a") + " comma list of non-empty items";
    }
}
