package io.hermesconnect.sink.ldap.config;

import io.hermesconnect.common.config.EnumChoice;
import io.hermesconnect.common.config.GroupedConfigDef;
import io.hermesconnect.common.config.JinjaTemplateValidator;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The keys of one kind, {@code kinds.<K>.*}, besides its open families {@code attrs.<attribute>} and {@code defaults.<attribute>}. */
final class LdapKindConfigs {

    static final String EVENTS = "events";
    static final String TOPICS = "topics";
    static final String SHAPE = "shape";
    static final String RDN_ATTRIBUTE = "rdn.attribute";
    static final String RDN_VALUE = "rdn.value";
    static final String CONTAINER = "container";
    static final String OBJECT_CLASSES = "object.classes";
    static final String IGNORE_ATTRIBUTES = "ignore.attributes";
    static final String LOOKUP_ATTRIBUTE = "lookup.attribute";
    static final String MEMBER_ATTRIBUTE = "member.attribute";
    static final String MEMBER_PLACEHOLDER = "member.placeholder";
    static final String GROUP_KIND = "group.kind";
    static final String GROUP_VALUE = "group.value";
    static final String MEMBER_KIND = "member.kind";
    static final String MEMBER_VALUE = "member.value";
    static final String MEMBERS = "members";
    /** The open family of attribute mappings: {@code attrs.<attribute>} = a template. */
    static final String ATTRS = "attrs.";
    /** The open family of default values: {@code defaults.<attribute>} = a value. */
    static final String DEFAULTS = "defaults.";

    static final EnumChoice<KindShape> SHAPES = EnumChoice.of(KindShape.class);

    private LdapKindConfigs() {
    }

    /** {@code kinds.<K>.} */
    static String prefix(String kind) {
        return LdapSinkConfig.KINDS + "." + kind + ".";
    }

    /** The definition of one kind's keys under {@code prefix} ({@code kinds.<K>.}, or a placeholder for the docs). */
    static ConfigDef definition(String prefix) {
        return new GroupedConfigDef()
                .group("Kind")
                .define(prefix + EVENTS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, NonEmptyItems.atLeastOne(), Importance.HIGH,
                        "The event kinds that feed this kind: an event's schema.table (the WAL source, Debezium) or type "
                                + "name (the polling-diff source). Several kinds may be fed by one event kind; they apply "
                                + "an event in the order of kinds (removals in reverse order).", Width.LONG, "Event kinds")
                .define(prefix + TOPICS, Type.LIST, List.of(), NonEmptyItems.any(), Importance.LOW,
                        "Only events read from these topics feed this kind; empty: from any topic the connector reads.",
                        Width.LONG, "Topics")
                .define(prefix + SHAPE, Type.STRING, EnumChoice.nameOf(KindShape.ENTRY), SHAPES, Importance.HIGH,
                        "entry: an object is a directory entry; membership: an object is one (member, group) pair, a value "
                                + "added to or deleted from the group's member attribute; member_list: an object is a "
                                + "group's whole member list, which replaces the attribute's values.",
                        Width.SHORT, "Shape", SHAPES)
                .group("Entry")
                .define(prefix + RDN_ATTRIBUTE, Type.STRING, null, null, Importance.HIGH,
                        "For an entry: the attribute that names the entry in its container, e.g. uid or cn.",
                        Width.SHORT, "RDN attribute")
                .define(prefix + RDN_VALUE, Type.STRING, null, new JinjaTemplateValidator(), Importance.HIGH,
                        "For an entry: a Jinja template of the RDN's value, e.g. {{ login }}. It renders the plain value: "
                                + "the sink escapes it (RFC 4514), so a name with , + \" \\ < > ; = # or spaces is safe.",
                        Width.LONG, "RDN value")
                .define(prefix + CONTAINER, Type.STRING, null, new JinjaTemplateValidator(), Importance.HIGH,
                        "For an entry: the DN of its container relative to ldap.base.dn, e.g. ou=people; a template may "
                                + "choose it per object. Unset or empty: ldap.base.dn itself.", Width.LONG, "Container")
                .define(prefix + OBJECT_CLASSES, Type.LIST, List.of(), NonEmptyItems.any(), Importance.HIGH,
                        "For an entry (required): its object classes, e.g. inetOrgPerson. Classes an existing entry lacks "
                                + "are added; others it has are kept.", Width.LONG, "Object classes")
                .define(prefix + IGNORE_ATTRIBUTES, Type.LIST, List.of(), NonEmptyItems.any(), Importance.MEDIUM,
                        "Attributes the sink writes only when it creates the entry and then leaves as they are, never "
                                + "compared nor changed: values another tool or the user owns afterwards (an initial "
                                + "password, a mail alias).", Width.LONG, "Attributes to ignore")
                .define(prefix + LOOKUP_ATTRIBUTE, Type.STRING, null, null, Importance.MEDIUM,
                        "An attribute whose value identifies an entry of this kind, computed by its attrs or defaults "
                                + "mapping (e.g. employeeNumber = {{ id }}). Required for a kind that memberships name as "
                                + "group or member kind; also finds the entry to remove when the event does not carry "
                                + "the fields of its DN (a tombstone).", Width.SHORT, "Lookup attribute")
                .define(prefix + MEMBER_ATTRIBUTE, Type.STRING, "member", null, Importance.MEDIUM,
                        "For a kind of groups: the attribute that holds its members' DNs, e.g. member or uniqueMember.",
                        Width.SHORT, "Member attribute")
                .define(prefix + MEMBER_PLACEHOLDER, Type.STRING, null, null, Importance.MEDIUM,
                        "For a kind of groups whose object class requires a member (groupOfNames): a DN the group holds "
                                + "only while it has no real member, e.g. cn=nobody. Unset: a group without member is left "
                                + "with an empty attribute, which such classes refuse.", Width.MEDIUM, "Member placeholder")
                .group("Membership")
                .define(prefix + GROUP_KIND, Type.STRING, null, null, Importance.HIGH,
                        "For a membership or member list: the entry kind of the groups; it needs a lookup.attribute.",
                        Width.SHORT, "Group kind")
                .define(prefix + GROUP_VALUE, Type.STRING, null, new JinjaTemplateValidator(), Importance.HIGH,
                        "For a membership or member list: a template of the group's lookup value, e.g. {{ group_id }}.",
                        Width.LONG, "Group value")
                .define(prefix + MEMBER_KIND, Type.STRING, null, null, Importance.HIGH,
                        "For a membership or member list: the entry kind of the members; it needs a lookup.attribute.",
                        Width.SHORT, "Member kind")
                .define(prefix + MEMBER_VALUE, Type.STRING, null, new JinjaTemplateValidator(), Importance.HIGH,
                        "For a membership: a template of the member's lookup value, e.g. {{ user_id }}.",
                        Width.LONG, "Member value")
                .define(prefix + MEMBERS, Type.STRING, null, new JinjaTemplateValidator(), Importance.HIGH,
                        "For a member list: a template that renders the list of the members' lookup values, e.g. "
                                + "{{ member_ids }}.", Width.LONG, "Members")
                .configDef();
    }
}
