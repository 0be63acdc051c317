package io.hermesconnect.sink.ldap.mapping;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import io.hermesconnect.common.sink.TargetDataException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A kind of directory entry kept equal to the objects of its events (users, groups…): where its entries live, their
 * object classes and how their attributes are computed. The DN is {@code <rdn.attribute>=<rdn.value>,<container>,<base
 * DN>}; the RDN value is escaped here (RFC 4514), so templates render plain values.
 *
 * @param name the kind's name in {@code kinds}
 * @param source the events that feed it
 * @param rdnAttribute the attribute that names an entry in its container
 * @param rdnValue renders the RDN's value
 * @param container renders the container's DN relative to the base DN; an empty result is the base DN itself
 * @param objectClasses the entry's object classes
 * @param attributes the attribute mapping, by LDAP attribute
 * @param defaults values of attributes whose mapping renders no value (or that are not mapped)
 * @param createOnly attributes written when the entry is created and left as they are afterwards
 * @param lookupAttribute the attribute whose value identifies an entry where its DN cannot be computed (a membership's
 *     group or member, a tombstone), computed by its mapping; null when the kind has none
 * @param memberAttribute for a kind of groups, the attribute that holds the members' DNs
 * @param memberPlaceholder for a kind of groups, the member value a group keeps while it has no real member (for
 *     object classes that require a member, such as {@code groupOfNames}), or null
 */
public record EntryKind(String name, KindSource source, String rdnAttribute, KindTemplate rdnValue, KindTemplate container,
        List<String> objectClasses, Map<String, KindTemplate> attributes, Map<String, List<String>> defaults,
        Set<String> createOnly, String lookupAttribute, String memberAttribute, String memberPlaceholder) implements LdapKind {

    public EntryKind {
        Objects.requireNonNull(rdnAttribute, "rdnAttribute");
        objectClasses = List.copyOf(objectClasses);
        attributes = Map.copyOf(attributes);
        defaults = Map.copyOf(defaults);
        createOnly = caseInsensitive(createOnly);
    }

    private static Set<String> caseInsensitive(Set<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }

    /**
     * The DN of the object in a state.
     *
     * @throws TargetDataException when a template fails, the RDN value is empty or the container is no DN
     */
    public DN dn(TemplateVariables state, DN baseDn) {
        String value = rdnValue.renderText(state);
        if (value == null || value.isEmpty()) {
            throw new TargetDataException("Template " + rdnValue.key() + " rendered an empty RDN value");
        }
        return new DN(new RDN(rdnAttribute, value), containerDn(state, baseDn));
    }

    /** The container of the object in a state, under {@code baseDn}. */
    public DN containerDn(TemplateVariables state, DN baseDn) {
        String relative = container == null ? null : container.renderText(state);
        if (relative == null || relative.isBlank()) {
            return baseDn;
        }
        try {
            List<RDN> rdns = new ArrayList<>(List.of(new DN(relative).getRDNs()));
            rdns.addAll(List.of(baseDn.getRDNs()));
            return new DN(rdns);
        } catch (LDAPException e) {
            throw new TargetDataException("Template " + container.key() + " did not render a DN");
        }
    }

    /**
     * The attributes the entry must have in a state, by attribute, with the object classes and the RDN value;
     * attributes whose template reads an unchanged field are left out (their entry's values stay as they are).
     */
    public Map<String, List<String>> attributeValues(TemplateVariables state, RDN rdn) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("objectClass", objectClasses);
        attributes.forEach((attribute, template) -> {
            Object rendered = template.render(state);
            if (!state.readsUnchanged(template.template(), rendered)) {
                List<String> mapped = AttributeValues.of(rendered);
                values.put(attribute, mapped.isEmpty() ? defaults.getOrDefault(attribute, List.of()) : mapped);
            }
        });
        defaults.forEach(values::putIfAbsent);
        List<String> named = new ArrayList<>(values.getOrDefault(rdnAttribute, List.of()));
        for (String rdnValue : rdn.getAttributeValues()) {
            if (named.stream().noneMatch(rdnValue::equalsIgnoreCase)) {
                named.add(rdnValue);
            }
        }
        values.put(rdnAttribute, named);
        return values;
    }

    /** The value of the lookup attribute in a state, if the kind has a lookup attribute and it renders one. */
    public Optional<String> lookupValue(TemplateVariables state) {
        if (lookupAttribute == null) {
            return Optional.empty();
        }
        KindTemplate template = attributes.get(lookupAttribute);
        List<String> values = template == null ? defaults.getOrDefault(lookupAttribute, List.of()) : AttributeValues.of(template.render(state));
        return values.stream().findFirst();
    }

    /** Whether an attribute is written only when the entry is created. */
    public boolean isCreateOnly(String attribute) {
        return createOnly.contains(attribute);
    }
}
