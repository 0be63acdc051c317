package io.hermesconnect.source.diff.config;

import io.hermesconnect.common.config.EnumChoice;
import io.hermesconnect.common.config.GroupedConfigDef;
import io.hermesconnect.common.config.JinjaTemplateValidator;
import io.hermesconnect.common.config.UniqueNames;
import io.hermesconnect.source.diff.fetch.FetchQuery;
import io.hermesconnect.source.diff.merge.ConflictPolicy;
import io.hermesconnect.source.diff.merge.KeyMergeConstraint;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The keys of one type, {@code types.<T>.*}, and of how it reads one of its sources, {@code types.<T>.sources.<S>.*}. */
final class TypeConfigs {

    static final String PRIMARY_KEY = "primary.key";
    static final String TO_STRING = "to.string";
    static final String SOURCES = "sources";
    static final String SECRET_ATTRIBUTES = "secret.attributes";
    static final String CACHE_ONLY_ATTRIBUTES = "cache.only.attributes";
    static final String LOCAL_ATTRIBUTES = "local.attributes";
    static final String ATTRIBUTE_TYPES = "attribute.types";
    static final String INTEGRITY_CONSTRAINT = "integrity.constraint";
    static final String MERGE_CONFLICT_POLICY = "merge.conflict.policy";
    /** The open family of foreign keys: {@code foreign.keys.<attr>=<Parent>.<attr>}. */
    static final String FOREIGN_KEYS = "foreign.keys.";

    static final String QUERY = "query";
    static final String LDAP_BASE = "ldap.base";
    static final String LDAP_FILTER = "ldap.filter";
    static final String LDAP_SCOPE = "ldap.scope";
    static final String KEY_MERGE_CONSTRAINT = "key.merge.constraint";
    static final String MERGE_CONSTRAINT = "merge.constraint";
    static final String COMMIT_ONE = "commit.one";
    static final String COMMIT_ALL = "commit.all";
    /** The open family of attribute mappings: {@code attrs.<attr>}. */
    static final String ATTRS = "attrs.";

    static final EnumChoice<ConflictPolicy> CONFLICT_POLICIES = EnumChoice.of(ConflictPolicy.class);
    static final EnumChoice<KeyMergeConstraint> KEY_MERGE_CONSTRAINTS = EnumChoice.of(KeyMergeConstraint.class);
    static final EnumChoice<FetchQuery.LdapScope> LDAP_SCOPES = EnumChoice.of(FetchQuery.LdapScope.class);

    private TypeConfigs() {
    }

    /** {@code types.<T>.} */
    static String typePrefix(String type) {
        return PollingDiffConfig.TYPES + "." + type + ".";
    }

    /** {@code types.<T>.sources.<S>.} */
    static String typeSourcePrefix(String type, String source) {
        return typePrefix(type) + SOURCES + "." + source + ".";
    }

    /** The definition of one type's keys under {@code prefix} ({@code types.<T>.}, or a placeholder for the docs). */
    static ConfigDef typeDefinition(String prefix) {
        return new GroupedConfigDef()
                .group("Type")
                .define(prefix + PRIMARY_KEY, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, UniqueNames.atLeastOne(), Importance.HIGH,
                        "The attribute that identifies an object of the type, or a comma list of attributes for a tuple key. "
                                + "Every source of the type must map each of them.", Width.MEDIUM, "Primary key")
                .define(prefix + SOURCES, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, UniqueNames.atLeastOne(), Importance.HIGH,
                        "The sources the type's objects are read from, in merge order; each is declared in sources and "
                                + "configured under " + prefix + "sources.<source>.*.", Width.MEDIUM, "Type sources")
                .define(prefix + TO_STRING, Type.STRING, null, new JinjaTemplateValidator(), Importance.LOW,
                        "A Jinja template over an object's attributes that names it in logs and reports, e.g. "
                                + "{{ login }} ({{ uid }}); unset names objects by type and key.", Width.LONG, "Object name")
                .define(prefix + SECRET_ATTRIBUTES, Type.LIST, List.of(), UniqueNames.any(), Importance.HIGH,
                        "Attributes sent but never stored nor logged in clear (passwords): the state keeps an HMAC keyed "
                                + "with state.secret.key, so a changed secret is sent and an unchanged one is not.",
                        Width.LONG, "Secret attributes")
                .define(prefix + CACHE_ONLY_ATTRIBUTES, Type.LIST, List.of(), UniqueNames.any(), Importance.MEDIUM,
                        "Attributes stored in the state for later polls' templates, never sent nor diffed.",
                        Width.LONG, "Cache-only attributes")
                .define(prefix + LOCAL_ATTRIBUTES, Type.LIST, List.of(), UniqueNames.any(), Importance.MEDIUM,
                        "Attributes for the poll's templates only (constraints, to.string): never sent, stored nor diffed.",
                        Width.LONG, "Local attributes")
                .define(prefix + ATTRIBUTE_TYPES, Type.LIST, List.of(), new AttributeTypes(), Importance.MEDIUM,
                        "The Connect type of template-mapped attributes, as name:type pairs (the style of Kafka's Cast "
                                + "transform). A template without one gives an optional string, unless it is a bare column "
                                + "reference such as {{ uid }}, which keeps the column's type.", Width.LONG, "Attribute types")
                .define(prefix + INTEGRITY_CONSTRAINT, Type.STRING, null, new JinjaTemplateValidator(), Importance.MEDIUM,
                        "A Jinja boolean expression each object must satisfy to be emitted, over _SELF (the object), "
                                + "<Type> (a type's objects) and <Type>_pkeys (a type's keys), for every type; e.g. "
                                + "{{ _SELF.user_id in Users_pkeys }}. Applied across types until nothing more is filtered.",
                        Width.LONG, "Integrity constraint")
                .define(prefix + MERGE_CONFLICT_POLICY, Type.STRING, EnumChoice.nameOf(ConflictPolicy.USE_CACHED_ENTRY),
                        CONFLICT_POLICIES, Importance.MEDIUM,
                        "When two sources give one attribute of an object different values: use_cached_entry keeps the "
                                + "object as last emitted (or leaves it out if never emitted) until the data is fixed; "
                                + "keep_first_value takes the value of the source listed first.",
                        Width.SHORT, "Merge conflict policy", CONFLICT_POLICIES)
                .configDef();
    }

    /** The definition of one type-source's keys under {@code prefix} ({@code types.<T>.sources.<S>.}, or a placeholder). */
    static ConfigDef typeSourceDefinition(String prefix) {
        return new GroupedConfigDef()
                .group("Type source")
                .define(prefix + QUERY, Type.STRING, null, new JinjaTemplateValidator(), Importance.HIGH,
                        "For a jdbc source (required): the SELECT that reads the type's rows. A Jinja template that may "
                                + "read the types declared before this one, as <Type> and <Type>_pkeys.", Width.LONG, "SQL query")
                .define(prefix + LDAP_BASE, Type.STRING, null, new JinjaTemplateValidator(), Importance.HIGH,
                        "For an ldap source (required): the search base DN; a template like query.", Width.LONG, "LDAP search base")
                .define(prefix + LDAP_FILTER, Type.STRING, "(objectClass=*)", new JinjaTemplateValidator(), Importance.HIGH,
                        "For an ldap source: the search filter (RFC 4515); a template like query.", Width.LONG, "LDAP search filter")
                .define(prefix + LDAP_SCOPE, Type.STRING, EnumChoice.nameOf(FetchQuery.LdapScope.SUB), LDAP_SCOPES,
                        Importance.MEDIUM, "For an ldap source: base (the base entry), one (its children) or sub (the "
                                + "whole subtree).", Width.SHORT, "LDAP search scope", LDAP_SCOPES)
                .define(prefix + KEY_MERGE_CONSTRAINT, Type.STRING, EnumChoice.nameOf(KeyMergeConstraint.NO_CONSTRAINT),
                        KEY_MERGE_CONSTRAINTS, Importance.MEDIUM,
                        "How this source's keys combine with those merged from the sources listed before it (ignored "
                                + "for the first): no_constraint keeps both (union), must_already_exist drops keys not "
                                + "merged before, must_exist_in_both keeps keys in both (intersection), must_not_exist "
                                + "removes keys found in both altogether. The polling server spells them noConstraint, "
                                + "mustAlreadyExist, mustExistInBoth and mustNotExist.",
                        Width.MEDIUM, "Key merge constraint", KEY_MERGE_CONSTRAINTS)
                .define(prefix + MERGE_CONSTRAINT, Type.STRING, null, new JinjaTemplateValidator(), Importance.MEDIUM,
                        "A Jinja boolean expression each of this source's objects must satisfy to be merged, over _SELF, "
                                + "and each source of the type as <source> and <source>_pkeys; applied until nothing more "
                                + "is left out.", Width.LONG, "Merge constraint")
                .define(prefix + COMMIT_ONE, Type.STRING, null, new JinjaTemplateValidator(), Importance.LOW,
                        "For a jdbc source: SQL run on it for each emitted object of the type, once Kafka acknowledged the "
                                + "event; a template over the object's attributes, e.g. to clear a one-time password.",
                        Width.LONG, "Write-back per object")
                .define(prefix + COMMIT_ALL, Type.STRING, null, new JinjaTemplateValidator(), Importance.LOW,
                        "For a jdbc source: SQL run on it once per poll that emitted events of the type, after Kafka "
                                + "acknowledged them all.", Width.LONG, "Write-back per poll")
                .configDef();
    }
}
