package io.hermesconnect.transforms.config;

import io.hermesconnect.common.config.PrefixedConfigs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The settings of the names a list key declares ({@code rules=a,b} declares {@code rules.a.*} and
 * {@code rules.b.*}), each parsed with a definition of full keys ({@code rules.a.action}), so that every
 * error names the key as the user wrote it. Keys of undeclared names and unknown settings of declared
 * names are errors too: they are almost always typos.
 */
public final class NamedSettings {

    private NamedSettings() {
    }

    /**
     * @param definition the definition of one name's keys, given the prefix {@code <listKey>.<name>.}
     * @return each name's parsed settings, in declaration order
     * @throws ConfigException naming the offending key
     */
    public static Map<String, AbstractConfig> parse(Map<?, ?> originals, String listKey, List<String> names,
            Function<String, ConfigDef> definition) {
        Map<String, Object> byKey = new LinkedHashMap<>();
        originals.forEach((key, value) -> byKey.put(key.toString(), value));
        PrefixedConfigs split = PrefixedConfigs.split(byKey, listKey, names).requireNoUndeclared();
        Map<String, AbstractConfig> parsed = new LinkedHashMap<>();
        for (String name : names) {
            String prefix = listKey + "." + name + ".";
            ConfigDef def = definition.apply(prefix);
            split.settings(name).forEach((key, value) -> {
                if (!def.names().contains(prefix + key)) {
                    throw new ConfigException(prefix + key, value, "unknown setting; the settings of " + prefix + "* are "
                            + def.names().stream().map(k -> k.substring(prefix.length())).sorted().toList());
                }
            });
            parsed.put(name, new AbstractConfig(def, originals, false));
        }
        return parsed;
    }
}
