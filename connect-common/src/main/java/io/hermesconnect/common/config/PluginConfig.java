package io.hermesconnect.common.config;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/**
 * Base of our plugins' typed configs ({@code WalSourceConfig}, …): subclasses add typed accessors
 * ({@code Duration pollInterval()}, an enum, a compiled template) over the parsed values.
 *
 * <p>Passwords stay {@link Password} objects, whose {@code toString()} is {@code [hidden]}, until
 * {@link #password} reveals one where it is used (opening a connection): never keep the revealed String
 * in a field, never log it. {@link #toString()} shows the parsed values with passwords hidden; do not log
 * {@link #originals()}, which hold them in clear.
 */
public abstract class PluginConfig extends AbstractConfig {

    protected PluginConfig(ConfigDef definition, Map<?, ?> originals) {
        super(definition, originals);
    }

    /** The clear text of a {@code PASSWORD} key, or null when it is not set. */
    protected final String password(String key) {
        Password password = getPassword(key);
        return password == null ? null : password.value();
    }

    /** The constant a validated {@link EnumChoice} key names. */
    protected final <E extends Enum<E>> E getEnum(String key, EnumChoice<E> choice) {
        return choice.parse(getString(key));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + new TreeMap<>(values());
    }
}
