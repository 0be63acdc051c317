package io.hermesconnect.sink.ldap.config;

import static io.hermesconnect.sink.ldap.config.LdapKindConfigs.*;

import io.hermesconnect.common.config.EnumChoice;
import io.hermesconnect.common.config.PrefixedConfigs;
import io.hermesconnect.common.jinja.JinjaEngine;
import io.hermesconnect.common.jinja.TemplateException;
import io.hermesconnect.sink.ldap.mapping.EntryKind;
import io.hermesconnect.sink.ldap.mapping.KindSource;
import io.hermesconnect.sink.ldap.mapping.KindTemplate;
import io.hermesconnect.sink.ldap.mapping.LdapKind;
import io.hermesconnect.sink.ldap.mapping.MembershipKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;

/**
 * Parses the kinds listed in {@code kinds} from their {@code kinds.<K>.*} keys into {@link LdapKind}s, compiling every
 * template once. Every problem is collected on the key the user must change: a value a key's definition refuses, a key
 * no kind has (a typo, most often), a template that does not compile, a key the kind's shape requires, a group or member
 * kind that is not an entry kind with a lookup attribute.
 */
final class KindsParser {

    /** A problem with one key. */
    record Problem(String key, String message) {
    }

    /** The kinds, in config order, or the problems that keep them from being built. */
    record Result(List<LdapKind> kinds, List<Problem> problems) {
    }

    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, EntryKind> entryKinds = new LinkedHashMap<>();
    /** Kinds with a problem of their own: kinds that name them report nothing more. */
    private final Set<String> invalidKinds = new HashSet<>();

    private KindsParser() {
    }

    /** Parses the kinds {@code names} from the connector's settings. */
    static Result parse(Map<String, ?> originals, List<String> names) {
        return new KindsParser().parseAll(originals, names);
    }

    private Result parseAll(Map<String, ?> originals, List<String> names) {
        PrefixedConfigs split = PrefixedConfigs.split(originals, LdapSinkConfig.KINDS, names);
        split.undeclaredKeys().forEach(key -> problems.add(new Problem(LdapSinkConfig.KINDS, split.problem(key))));
        Map<String, KindSettings> settings = new LinkedHashMap<>();
        split.all().forEach((name, values) -> settings.put(name, settings(name, values)));
        settings.forEach((name, kind) -> {
            if (kind != null && kind.shape() == KindShape.ENTRY) {
                entryKind(name, kind);
            }
        });
        List<LdapKind> kinds = new ArrayList<>();
        settings.forEach((name, kind) -> {
            if (kind != null && kind.shape() != KindShape.ENTRY) {
                kinds.add(membershipKind(name, kind));
            } else if (entryKinds.containsKey(name)) {
                kinds.add(entryKinds.get(name));
            }
        });
        return problems.isEmpty() ? new Result(kinds, List.of()) : new Result(List.of(), List.copyOf(problems));
    }

    /** One kind's values by relative key, and its open families; null when a value has a problem. */
    private KindSettings settings(String name, Map<String, Object> values) {
        String prefix = prefix(name);
        ConfigDef def = definition(prefix);
        Map<String, String> defined = new LinkedHashMap<>();
        Map<String, String> attrs = new TreeMap<>();
        Map<String, String> defaults = new TreeMap<>();
        int before = problems.size();
        values.forEach((relative, value) -> {
            String text = value == null ? null : value.toString();
            if (def.names().contains(prefix + relative)) {
                defined.put(prefix + relative, text);
            } else if (relative.startsWith(ATTRS) && relative.length() > ATTRS.length()) {
                attrs.put(relative.substring(ATTRS.length()), text);
            } else if (relative.startsWith(DEFAULTS) && relative.length() > DEFAULTS.length()) {
                defaults.put(relative.substring(DEFAULTS.length()), text);
            } else {
                problems.add(new Problem(prefix + relative, "Unknown setting of kind '" + name + "'; its settings are "
                        + def.names().stream().map(key -> key.substring(prefix.length())).sorted().toList()
                        + " and the families attrs.<attribute> and defaults.<attribute>"));
            }
        });
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (ConfigValue value : def.validateAll(defined).values()) {
            value.errorMessages().forEach(message -> problems.add(new Problem(value.name(), message)));
            parsed.put(value.name().substring(prefix.length()), value.value());
        }
        if (problems.size() > before) {
            invalidKinds.add(name);
            return null;
        }
        return new KindSettings(name, prefix, parsed, attrs, defaults);
    }

    private void entryKind(String name, KindSettings kind) {
        int before = problems.size();
        String rdnAttribute = kind.required(RDN_ATTRIBUTE);
        KindTemplate rdnValue = template(kind, RDN_VALUE, kind.string(RDN_VALUE), true);
        KindTemplate container = template(kind, CONTAINER, kind.string(CONTAINER), false);
        List<String> objectClasses = kind.list(OBJECT_CLASSES);
        if (objectClasses.isEmpty()) {
            problems.add(new Problem(kind.key(OBJECT_CLASSES), "An entry kind needs its object classes"));
        }
        Map<String, KindTemplate> attributes = new LinkedHashMap<>();
        kind.attrs().forEach((attribute, source) ->
                attributes.put(attribute, template(kind, ATTRS + attribute, source, true)));
        Map<String, List<String>> defaults = new LinkedHashMap<>();
        kind.defaults().forEach((attribute, value) -> defaults.put(attribute, List.of(value)));
        String lookup = kind.string(LOOKUP_ATTRIBUTE);
        if (lookup != null && !attributes.containsKey(lookup) && !defaults.containsKey(lookup)) {
            problems.add(new Problem(kind.key(LOOKUP_ATTRIBUTE), "The lookup attribute must be mapped by "
                    + kind.key(ATTRS) + "<attribute>, which computes its value"));
        }
        if (problems.size() > before) {
            invalidKinds.add(name);
        } else {
            entryKinds.put(name, new EntryKind(name, kind.source(), rdnAttribute, rdnValue, container, objectClasses, attributes, defaults,
                    new HashSet<>(kind.list(IGNORE_ATTRIBUTES)), lookup, kind.string(MEMBER_ATTRIBUTE),
                    kind.string(MEMBER_PLACEHOLDER)));
        }
    }

    private LdapKind membershipKind(String name, KindSettings kind) {
        boolean memberList = kind.shape() == KindShape.MEMBER_LIST;
        String valuesKey = memberList ? MEMBERS : MEMBER_VALUE;
        EntryKind group = referencedKind(kind, GROUP_KIND);
        EntryKind member = referencedKind(kind, MEMBER_KIND);
        KindTemplate groupValue = template(kind, GROUP_VALUE, kind.string(GROUP_VALUE), true);
        KindTemplate memberValues = template(kind, valuesKey, kind.string(valuesKey), true);
        return group == null || member == null || groupValue == null || memberValues == null ? null
                : new MembershipKind(name, kind.source(), memberList, group, groupValue, member, memberValues);
    }

    private EntryKind referencedKind(KindSettings kind, String key) {
        String referenced = kind.required(key);
        if (referenced == null) {
            return null;
        }
        EntryKind entryKind = entryKinds.get(referenced);
        if (entryKind == null && !invalidKinds.contains(referenced)) {
            problems.add(new Problem(kind.key(key), "'" + referenced + "' is not an entry kind listed in kinds"));
        } else if (entryKind != null && entryKind.lookupAttribute() == null) {
            problems.add(new Problem(kind.key(key), "Kind '" + referenced + "' has no lookup.attribute to find its entries by: "
                    + "set " + prefix(referenced) + LOOKUP_ATTRIBUTE));
            return null;
        }
        return entryKind;
    }

    /** Compiles a template; null (and a problem if it is required) when it is missing or does not compile. */
    private KindTemplate template(KindSettings kind, String relative, String source, boolean required) {
        if (source == null || source.isBlank()) {
            if (required) {
                problems.add(new Problem(kind.key(relative), kind.requiredMessage()));
            }
            return null;
        }
        try {
            return new KindTemplate(kind.key(relative), JinjaEngine.shared().compile(source));
        } catch (TemplateException e) {
            problems.add(new Problem(kind.key(relative), e.getMessage()));
            return null;
        }
    }

    /** One kind's parsed keys (by relative key) and open families. */
    private final class KindSettings {
        private final String name;
        private final String prefix;
        private final Map<String, Object> values;
        private final Map<String, String> attrs;
        private final Map<String, String> defaults;

        KindSettings(String name, String prefix, Map<String, Object> values, Map<String, String> attrs,
                     Map<String, String> defaults) {
            this.name = name;
            this.prefix = prefix;
            this.values = values;
            this.attrs = attrs;
            this.defaults = defaults;
        }

        String key(String relative) {
            return prefix + relative;
        }

        KindShape shape() {
            return SHAPES.parse(string(SHAPE));
        }

        String string(String relative) {
            return (String) values.get(relative);
        }

        @SuppressWarnings("unchecked")
        List<String> list(String relative) {
            return (List<String>) values.get(relative);
        }

        Map<String, String> attrs() {
            return attrs;
        }

        Map<String, String> defaults() {
            return defaults;
        }

        KindSource source() {
            return new KindSource(new HashSet<>(list(EVENTS)), new HashSet<>(list(TOPICS)));
        }

        /** A key's value; null with a problem when it is unset. */
        String required(String relative) {
            String value = string(relative);
            if (value == null || value.isBlank()) {
                problems.add(new Problem(key(relative), requiredMessage()));
                return null;
            }
            return value;
        }

        String requiredMessage() {
            return "Required for kind '" + name + "' of shape " + EnumChoice.nameOf(shape());
        }
    }
}
