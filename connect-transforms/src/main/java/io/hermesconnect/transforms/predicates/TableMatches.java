package io.hermesconnect.transforms.predicates;

import io.hermesconnect.common.config.EnumChoice;
import io.hermesconnect.common.config.GroupedConfigDef;
import io.hermesconnect.common.config.NonEmptyString;
import io.hermesconnect.common.event.ChangeEvent;
import io.hermesconnect.transforms.match.Events;
import io.hermesconnect.transforms.match.TableMatcher;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.connect.connector.ConnectRecord;

/**
 * True for change events (ours or Debezium's) whose data collection ({@code schema.table}, or the type
 * name of the polling-diff source) matches a glob or regex; false for any other record.
 */
public final class TableMatches<R extends ConnectRecord<R>> extends ConfiguredPredicate<R> {

    public static final String OVERVIEW_DOC = "True for change events of the tables matching a glob or regular expression.";
    public static final String TABLE = "table";
    public static final String TABLE_SYNTAX = "table.syntax";

    public static final ConfigDef CONFIG_DEF = new GroupedConfigDef()
            .group("Predicate")
            .define(TABLE, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.HIGH,
                    "The pattern the whole data collection name (schema.table, or the diff source's type) must match.",
                    Width.LONG, "Table pattern")
            .define(TABLE_SYNTAX, Type.STRING, EnumChoice.nameOf(TableMatcher.Syntax.GLOB), TableMatcher.SYNTAXES, Importance.MEDIUM,
                    "How the pattern is written: glob (* any characters, ? one character, {a,b} alternatives) or regex.",
                    Width.SHORT, "Table pattern syntax", TableMatcher.SYNTAXES)
            .configDef();

    private TableMatcher table;

    public TableMatches() {
        super(CONFIG_DEF);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, configs, false);
        table = TableMatcher.configured(TABLE, config.getString(TABLE), TableMatcher.SYNTAXES.parse(config.getString(TABLE_SYNTAX)));
    }

    @Override
    public boolean test(R record) {
        ChangeEvent event = Events.readOrNull("TableMatches", record);
        return event != null && table.matches(event);
    }
}
