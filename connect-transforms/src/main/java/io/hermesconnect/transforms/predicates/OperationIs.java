package io.hermesconnect.transforms.predicates;

import io.hermesconnect.common.event.ChangeEvent;
import io.hermesconnect.common.config.GroupedConfigDef;
import io.hermesconnect.transforms.config.OperationCodes;
import io.hermesconnect.transforms.match.Events;
import io.hermesconnect.transforms.match.OperationSet;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.connect.connector.ConnectRecord;

/** True for change events (ours or Debezium's) whose {@code op} is one of the configured operations; false for any other record. */
public final class OperationIs<R extends ConnectRecord<R>> extends ConfiguredPredicate<R> {

    public static final String OVERVIEW_DOC = "True for change events whose operation is one of the configured ones.";
    public static final String OPERATIONS = "operations";

    public static final ConfigDef CONFIG_DEF = new GroupedConfigDef()
            .group("Predicate")
            .define(OPERATIONS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new OperationCodes(), Importance.HIGH,
                    "The operations (op codes) for which the predicate is true; empty for every change event.",
                    Width.SHORT, "Operations")
            .configDef();

    private OperationSet operations;

    public OperationIs() {
        super(CONFIG_DEF);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        operations = OperationSet.parse(new AbstractConfig(CONFIG_DEF, configs, false).getList(OPERATIONS));
    }

    @Override
    public boolean test(R record) {
        ChangeEvent event = Events.readOrNull("OperationIs", record);
        return event != null && operations.matches(event);
    }
}
