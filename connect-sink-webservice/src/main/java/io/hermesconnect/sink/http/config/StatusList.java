package io.hermesconnect.sink.http.config;

import io.hermesconnect.sink.http.client.StatusSet;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** A list of HTTP status codes and ranges, as {@link StatusSet} reads it. */
final class StatusList implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> items = (List<String>) value;
        if (items == null || items.isEmpty()) {
            throw new ConfigException(name, value, "must list at least one status");
        }
        try {
            StatusSet.parse(items);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "status codes and ranges between 100 and 599, e.g. 200-299,304";
    }
}
