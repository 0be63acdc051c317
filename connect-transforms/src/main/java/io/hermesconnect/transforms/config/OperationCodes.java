package io.hermesconnect.transforms.config;

import io.hermesconnect.transforms.match.OperationSet;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** A list of change event operation codes, as {@link OperationSet} reads them. */
public final class OperationCodes implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            return;
        }
        try {
            OperationSet.parse(((List<?>) value).stream().map(Object::toString).toList());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "operation codes among c (create), u (update), d (delete), r (snapshot read), t (truncate), m (message)";
    }
}
