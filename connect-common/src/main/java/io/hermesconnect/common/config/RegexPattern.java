package io.hermesconnect.common.config;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** A Java regular expression that compiles; an unset value is accepted. */
public final class RegexPattern implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            return;
        }
        try {
            Pattern.compile(value.toString());
        } catch (PatternSyntaxException e) {
            throw new ConfigException(name, value, "is not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
    }

    @Override
    public String toString() {
        return "a Java regular expression";
    }
}
