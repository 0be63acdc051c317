package io.hermesconnect.transforms.predicates;

import io.hermesconnect.common.Version;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/** What our predicates share: their ConfigDef, the product version, nothing to release on close. */
abstract class ConfiguredPredicate<R extends ConnectRecord<R>> implements Predicate<R> {

    private final ConfigDef configDef;

    ConfiguredPredicate(ConfigDef configDef) {
        this.configDef = configDef;
    }

    @Override
    public ConfigDef config() {
        return configDef;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void close() {
        // configure() holds only immutable, compiled settings
    }
}
