package io.hermesconnect.transforms.filter;

import io.hermesconnect.common.config.EnumChoice;
import io.hermesconnect.common.config.GroupedConfigDef;
import io.hermesconnect.common.config.PluginConfig;
import io.hermesconnect.common.config.RegexPattern;
import io.hermesconnect.common.config.UniqueNames;
import io.hermesconnect.transforms.config.NamedSettings;
import io.hermesconnect.transforms.config.OperationCodes;
import io.hermesconnect.transforms.match.Condition;
import io.hermesconnect.transforms.match.OperationSet;
import io.hermesconnect.transforms.match.TableMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * The configuration of a {@link io.hermesconnect.transforms.Filter}: the shorthands, the rule chain and
 * the default action. Each rule's keys ({@code rules.<name>.*}) are checked when the transform is
 * configured; Connect's validate call only sees the keys of {@link #CONFIG_DEF}.
 */
public final class FilterConfig extends PluginConfig {

    public static final String IGNORE_TRANSACTION_RECORDS = "ignore.transaction.records";
    public static final String IGNORE_TABLES = "ignore.tables";
    public static final String RULES = "rules";
    public static final String DEFAULT_ACTION = "default.action";

    public static final String RULE_TABLE = "table";
    public static final String RULE_TABLE_SYNTAX = "table.syntax";
    public static final String RULE_OPERATIONS = "operations";
    public static final String RULE_CONDITION = "condition";
    public static final String RULE_ACTION = "action";

    private static final EnumChoice<Action> ACTIONS = EnumChoice.of(Action.class);
    private static final EnumChoice<DefaultAction> DEFAULT_ACTIONS = EnumChoice.of(DefaultAction.class);

    public static final ConfigDef CONFIG_DEF = new GroupedConfigDef()
            .group("Shorthands")
            .define(IGNORE_TRANSACTION_RECORDS, Type.BOOLEAN, false, null, Importance.MEDIUM,
                    "Drop transaction metadata records (BEGIN/END, ours or Debezium's) before any rule is evaluated.",
                    Width.SHORT, "Ignore transaction records")
            .define(IGNORE_TABLES, Type.STRING, null, new RegexPattern(), Importance.MEDIUM,
                    "Drop the change events of the tables whose data collection name (schema.table, or the type name of the "
                            + "polling-diff source) matches this regular expression entirely, before any rule is evaluated.",
                    Width.LONG, "Ignore tables matching")
            .group("Rules")
            .define(RULES, Type.LIST, List.of(), UniqueNames.any(), Importance.HIGH,
                    "The rules, in evaluation order. Each rule <name> is configured by rules.<name>.table (a pattern the "
                            + "whole data collection name, schema.table or the diff source's type, must match; default: any), "
                            + "rules.<name>.table.syntax (glob or regex, default glob), rules.<name>.operations (the op codes "
                            + "it applies to, among c,u,d,r,t,m; default: any), rules.<name>.condition (a Jinja boolean "
                            + "expression over before, after, source, op, table, key, value, headers and topic) and "
                            + "rules.<name>.action (required: ignore drops the event, process keeps it, continue goes on "
                            + "with the next rule). The first rule whose criteria all hold and whose action is ignore or "
                            + "process decides.",
                    Width.LONG, "Rules")
            .define(DEFAULT_ACTION, Type.STRING, EnumChoice.nameOf(DefaultAction.PROCESS), DEFAULT_ACTIONS, Importance.HIGH,
                    "What happens to a change event that no rule decided: process keeps it, ignore drops it.",
                    Width.SHORT, "Default action", DEFAULT_ACTIONS)
            .configDef();

    private final List<FilterRule> rules;

    public FilterConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
        List<FilterRule> parsed = new ArrayList<>();
        NamedSettings.parse(originals, RULES, getList(RULES), FilterConfig::ruleDef)
                .forEach((name, rule) -> parsed.add(rule(name, rule)));
        this.rules = List.copyOf(parsed);
    }

    public boolean ignoreTransactionRecords() {
        return getBoolean(IGNORE_TRANSACTION_RECORDS);
    }

    /** The tables to drop, or null. */
    public TableMatcher ignoredTables() {
        String regex = getString(IGNORE_TABLES);
        return regex == null || regex.isEmpty() ? null : TableMatcher.configured(IGNORE_TABLES, regex, TableMatcher.Syntax.REGEX);
    }

    public List<FilterRule> rules() {
        return rules;
    }

    public DefaultAction defaultAction() {
        return getEnum(DEFAULT_ACTION, DEFAULT_ACTIONS);
    }

    /** The keys of one rule, under {@code rules.<name>.}; the condition is compiled (and so checked) by {@link Condition}. */
    static ConfigDef ruleDef(String prefix) {
        return new GroupedConfigDef()
                .group("Rule " + prefix)
                .define(prefix + RULE_TABLE, Type.STRING, null, null, Importance.MEDIUM,
                        "Pattern the whole data collection name must match; unset matches every table.", Width.LONG, "Table")
                .define(prefix + RULE_TABLE_SYNTAX, Type.STRING, EnumChoice.nameOf(TableMatcher.Syntax.GLOB),
                        TableMatcher.SYNTAXES, Importance.LOW, "How the table pattern is written.", Width.SHORT, "Table syntax")
                .define(prefix + RULE_OPERATIONS, Type.LIST, List.of(), new OperationCodes(), Importance.MEDIUM,
                        "Operations the rule applies to; empty for all.", Width.SHORT, "Operations")
                .define(prefix + RULE_CONDITION, Type.STRING, null, null, Importance.MEDIUM,
                        "Jinja boolean expression the event must satisfy.", Width.LONG, "Condition")
                .define(prefix + RULE_ACTION, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ACTIONS, Importance.HIGH,
                        "ignore, process or continue.", Width.SHORT, "Action")
                .configDef();
    }

    private static FilterRule rule(String name, AbstractConfig rule) {
        String prefix = RULES + "." + name + ".";
        String table = rule.getString(prefix + RULE_TABLE);
        String condition = rule.getString(prefix + RULE_CONDITION);
        return new FilterRule(name,
                table == null ? null : TableMatcher.configured(prefix + RULE_TABLE, table,
                        TableMatcher.SYNTAXES.parse(rule.getString(prefix + RULE_TABLE_SYNTAX))),
                OperationSet.parse(rule.getList(prefix + RULE_OPERATIONS)),
                condition == null ? null : Condition.compile("Filter rule '" + name + "'", prefix + RULE_CONDITION, condition),
                ACTIONS.parse(rule.getString(prefix + RULE_ACTION)));
    }
}
