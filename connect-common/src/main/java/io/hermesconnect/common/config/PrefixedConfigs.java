package io.hermesconnect.common.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings nested by name under a prefix, the way Connect nests {@code transforms.<alias>.*}: for
 * {@code types=Users,Groups}, the keys {@code types.Users.*} and {@code types.Groups.*}. Splits the
 * originals into one sub-map per declared name (prefix and name stripped: {@code types.Users.pkey}
 * becomes {@code pkey} of {@code Users}), and finds keys under the prefix whose name is not declared,
 * which are almost always typos ({@code types.Usres.pkey}). Apply it again to a sub-map for deeper
 * nesting ({@code sources.<S>.*} inside {@code types.<T>.*}).
 */
public final class PrefixedConfigs {

    private final String listKey;
    private final Map<String, Map<String, Object>> byName;
    private final List<String> undeclaredKeys;

    private PrefixedConfigs(String listKey, Map<String, Map<String, Object>> byName, List<String> undeclaredKeys) {
        this.listKey = listKey;
        this.byName = byName;
        this.undeclaredKeys = undeclaredKeys;
    }

    /**
     * @param originals     the connector's (or an enclosing sub-config's) settings
     * @param listKey       the key that declares the names, e.g. {@code types}; the prefix is {@code types.}
     * @param declaredNames the names it declares, in order
     */
    public static PrefixedConfigs split(Map<String, ?> originals, String listKey, Collection<String> declaredNames) {
        String prefix = listKey + ".";
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        declaredNames.forEach(name -> byName.put(name, new TreeMap<>()));
        List<String> undeclared = new ArrayList<>();
        new TreeMap<>(originals).forEach((key, value) -> {
            if (!key.startsWith(prefix)) {
                return;
            }
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            Map<String, Object> settings = dot > 0 ? byName.get(rest.substring(0, dot)) : null;
            if (settings == null || dot == rest.length() - 1) {
                undeclared.add(key);
            } else {
                settings.put(rest.substring(dot + 1), value);
            }
        });
        byName.replaceAll((name, settings) -> Collections.unmodifiableMap(settings));
        return new PrefixedConfigs(listKey, Collections.unmodifiableMap(byName), List.copyOf(undeclared));
    }

    /** The settings of one declared name, prefix and name stripped; empty when it has none. */
    public Map<String, Object> settings(String name) {
        Map<String, Object> settings = byName.get(name);
        if (settings == null) {
            throw new IllegalArgumentException("'" + name + "' is not declared in " + listKey);
        }
        return settings;
    }

    /** Every declared name's settings, in declaration order. */
    public Map<String, Map<String, Object>> all() {
        return byName;
    }

    /** Keys under the prefix whose name is not declared, or that have nothing after the name; sorted. */
    public List<String> undeclaredKeys() {
        return undeclaredKeys;
    }

    /** The problem of one undeclared key, worded for a user. */
    public String problem(String undeclaredKey) {
        return "'" + undeclaredKey + "' is not a setting of a name listed in '" + listKey + "' (listed: "
                + String.join(", ", byName.keySet()) + "); check the name after '" + listKey + ".'";
    }

    /** Throws a {@link ConfigException} naming the first undeclared key, if any. */
    public PrefixedConfigs requireNoUndeclared() {
        if (!undeclaredKeys.isEmpty()) {
            throw new ConfigException(problem(undeclaredKeys.get(0)));
        }
        return this;
    }

    /** In {@code Connector.validate()}: reports every undeclared key as an error on the list key. */
    public void reportUndeclared(Config config) {
        undeclaredKeys.forEach(key -> ConfigValidation.addError(config, listKey, problem(key)));
    }
}
