package io.hermesconnect.common.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** A replication factor of a topic a connector creates: -1 (the broker's default) or at least 1. */
public final class ReplicationFactor implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        short factor = ((Number) value).shortValue();
        if (factor != -1 && factor < 1) {
            throw new ConfigException(name, value, "must be -1 or at least 1");
        }
    }

    @Override
    public String toString() {
        return "-1 (the broker's default) or at least 1";
    }
}
