package io.hermesconnect.transforms.predicates;

import io.hermesconnect.common.config.GroupedConfigDef;
import io.hermesconnect.common.config.JinjaTemplateValidator;
import io.hermesconnect.common.config.NonEmptyString;
import io.hermesconnect.transforms.match.Condition;
import io.hermesconnect.transforms.match.Events;
import io.hermesconnect.transforms.match.RecordVariables;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.connect.connector.ConnectRecord;

/**
 * The value of a Jinja boolean expression over the record: {@code before}, {@code after}, {@code source},
 * {@code op} and {@code table} for change events (ours or Debezium's, null for other records), and
 * {@code key}, {@code value}, {@code headers} and {@code topic} for every record. False for tombstones.
 * An expression that fails or gives no boolean is a record error.
 */
public final class ExpressionIs<R extends ConnectRecord<R>> extends ConfiguredPredicate<R> {

    public static final String OVERVIEW_DOC = "True when a Jinja boolean expression over the record is true.";
    public static final String EXPRESSION = "expression";

    public static final ConfigDef CONFIG_DEF = new GroupedConfigDef()
            .group("Predicate")
            .define(EXPRESSION, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.CompositeValidator.of(new NonEmptyString(), new JinjaTemplateValidator()), Importance.HIGH,
                    "A Jinja boolean expression, e.g. {{ op == 'u' and after.status != before.status }}, over before, after, "
                            + "source, op, table, key, value, headers and topic.",
                    Width.LONG, "Expression")
            .configDef();

    private Condition condition;

    public ExpressionIs() {
        super(CONFIG_DEF);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        String expression = new AbstractConfig(CONFIG_DEF, configs, false).getString(EXPRESSION);
        condition = Condition.compile("ExpressionIs", EXPRESSION, expression);
    }

    @Override
    public boolean test(R record) {
        if (record.value() == null) {
            return false;
        }
        return condition.test(new RecordVariables(record, Events.readOrNull("ExpressionIs", record)));
    }
}
