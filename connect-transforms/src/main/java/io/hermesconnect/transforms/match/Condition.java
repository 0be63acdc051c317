package io.hermesconnect.transforms.match;

import io.hermesconnect.common.jinja.TemplateException;
import io.hermesconnect.transforms.template.ConfiguredTemplate;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;

/**
 * A Jinja boolean expression over a record's {@link RecordVariables}, e.g.
 * {@code {{ after.active and op != 'd' }}}. It must be one {@code {{ expression }}} (checked at
 * configure time) and must evaluate to a boolean: anything else, null included, is a record error.
 */
public final class Condition {

    private final String owner;
    private final ConfiguredTemplate template;
    private final Set<String> variables;

    private Condition(String owner, ConfiguredTemplate template) {
        this.owner = owner;
        this.template = template;
        this.variables = template.mentioned(RecordVariables.NAMES);
    }

    /**
     * @param owner who evaluates it, for record error messages, e.g. {@code Filter rule 'adults'}
     * @throws ConfigException naming {@code key} when it does not compile or is not a single expression
     */
    public static Condition compile(String owner, String key, String source) {
        ConfiguredTemplate template = ConfiguredTemplate.compile(key, source);
        if (!template.template().isSingleExpression()) {
            throw new ConfigException(key, source, "a condition must be a single expression, e.g. {{ after.active }}");
        }
        return new Condition(owner, template);
    }

    /** @throws org.apache.kafka.connect.errors.DataException when the expression fails or is not a boolean */
    public boolean test(RecordVariables record) {
        Object result;
        try {
            result = template.template().render(record.resolve(variables));
        } catch (TemplateException e) {
            throw RecordErrors.error(who(), record.record(), e.getMessage(), e);
        }
        if (result instanceof Boolean b) {
            return b;
        }
        throw RecordErrors.error(who(), record.record(), "the condition must evaluate to a boolean, it gave "
                + (result == null ? "null" : "a " + result.getClass().getSimpleName()), null);
    }

    private String who() {
        return owner + " (" + template.key() + ")";
    }
}
