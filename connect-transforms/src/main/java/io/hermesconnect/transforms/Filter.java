package io.hermesconnect.transforms;

import io.hermesconnect.common.Version;
import io.hermesconnect.common.event.ChangeEvent;
import io.hermesconnect.common.event.TransactionMetadata;
import io.hermesconnect.transforms.filter.Action;
import io.hermesconnect.transforms.filter.DefaultAction;
import io.hermesconnect.transforms.filter.FilterConfig;
import io.hermesconnect.transforms.filter.FilterRule;
import io.hermesconnect.transforms.match.Events;
import io.hermesconnect.transforms.match.RecordVariables;
import io.hermesconnect.transforms.match.TableMatcher;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Keeps or drops change events by an ordered rule chain ({@link FilterConfig}): the first rule that
 * matches with IGNORE or PROCESS decides, CONTINUE goes on, and the default action decides what no rule
 * did. Works on our change events and Debezium's. The shorthands drop transaction metadata records and
 * the events of tables matching a regex before the rules run. Other records (tombstones, plain records)
 * pass through untouched.
 */
public final class Filter<R extends ConnectRecord<R>> implements Transformation<R> {

    public static final String OVERVIEW_DOC = "Keeps or drops change events by an ordered chain of rules "
            + "(table, operation, Jinja condition; IGNORE, PROCESS or CONTINUE) and a default action.";

    private boolean ignoreTransactionRecords;
    private TableMatcher ignoredTables;
    private List<FilterRule> rules;
    private boolean keepByDefault;

    @Override
    public void configure(Map<String, ?> configs) {
        FilterConfig config = new FilterConfig(configs);
        ignoreTransactionRecords = config.ignoreTransactionRecords();
        ignoredTables = config.ignoredTables();
        rules = config.rules();
        keepByDefault = config.defaultAction() == DefaultAction.PROCESS;
    }

    @Override
    public R apply(R record) {
        if (ignoreTransactionRecords && TransactionMetadata.isTransactionRecord(record)) {
            return null;
        }
        ChangeEvent event = Events.readOrNull("Filter", record);
        if (event == null) {
            return record;
        }
        if (ignoredTables != null && ignoredTables.matches(event)) {
            return null;
        }
        RecordVariables variables = new RecordVariables(record, event);
        for (FilterRule rule : rules) {
            if (rule.action() != Action.CONTINUE && rule.matches(event, variables)) {
                return rule.action() == Action.PROCESS ? record : null;
            }
        }
        return keepByDefault ? record : null;
    }

    @Override
    public ConfigDef config() {
        return FilterConfig.CONFIG_DEF;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void close() {
        rules = null;
    }
}
