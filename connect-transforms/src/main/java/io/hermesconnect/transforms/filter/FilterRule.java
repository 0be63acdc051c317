package io.hermesconnect.transforms.filter;

import io.hermesconnect.common.event.ChangeEvent;
import io.hermesconnect.transforms.match.Condition;
import io.hermesconnect.transforms.match.OperationSet;
import io.hermesconnect.transforms.match.RecordVariables;
import io.hermesconnect.transforms.match.TableMatcher;

/**
 * One rule of a {@link io.hermesconnect.transforms.Filter}: it matches a change event when every criterion
 * it has holds (table, operation, then condition, cheapest first), and then its action applies. A rule
 * without criteria matches every change event.
 *
 * @param table     the tables it applies to, or null for all
 * @param condition the Jinja condition, or null for none
 */
public record FilterRule(String name, TableMatcher table, OperationSet operations, Condition condition, Action action) {

    public boolean matches(ChangeEvent event, RecordVariables variables) {
        // cheapest test first: the operation is an enum, the table a remembered answer, the condition a render
        return operations.matches(event)
                && (table == null || table.matches(event))
                && (condition == null || condition.test(variables));
    }
}
