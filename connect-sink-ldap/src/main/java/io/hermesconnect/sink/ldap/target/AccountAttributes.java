package io.hermesconnect.sink.ldap.target;

import com.unboundid.ldap.sdk.RDN;
import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.sink.ldap.ad.UnicodePwd;
import io.hermesconnect.sink.ldap.mapping.EntryKind;
import io.hermesconnect.sink.ldap.mapping.TemplateVariables;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The attributes of an Active Directory kind that the sink does not write as they are, mapped like any other
 * ({@code kinds.<K>.attrs.<attribute>} or {@code defaults.<attribute>}):
 * <ul>
 *   <li>{@value #PASSWORD}: the plain password, which the sink encodes ({@link UnicodePwd}) and sends over TLS only,
 *       and never reads back nor compares;</li>
 *   <li>{@value #ENABLED}: no attribute of AD but whether the account is enabled ({@code true} / {@code false}, any
 *       case; a boolean field renders so), applied to {@code userAccountControl}'s disabled flag.</li>
 * </ul>
 */
public final class AccountAttributes {

    static final String PASSWORD = UnicodePwd.ATTRIBUTE;
    static final String ENABLED = "enabled";
    /** The object classes of AD accounts: users (inetOrgPerson derives from user) and computers. */
    private static final Set<String> ACCOUNT_CLASSES = caseInsensitive(Set.of("user", "inetOrgPerson", "computer"));
    private static final Set<String> ATTRIBUTES = caseInsensitive(Set.of(PASSWORD, ENABLED));

    private AccountAttributes() {
    }

    private static Set<String> caseInsensitive(Set<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }

    private static boolean isAccountAttribute(String attribute) {
        return ATTRIBUTES.contains(attribute);
    }

    /** Whether the entries of {@code kind} are accounts, which have a password and can be disabled. */
    static boolean isAccount(EntryKind kind) {
        return kind.objectClasses().stream().anyMatch(ACCOUNT_CLASSES::contains);
    }

    /** {@code kind} without these attributes: what is written to the entry as it is. */
    public static EntryKind withoutAccountAttributes(EntryKind kind) {
        return new EntryKind(kind.name(), kind.source(), kind.rdnAttribute(), kind.rdnValue(), kind.container(),
                kind.objectClasses(), others(kind.attributes()), others(kind.defaults()), kind.createOnly(),
                kind.lookupAttribute(), kind.memberAttribute(), kind.memberPlaceholder());
    }

    private static <V> Map<String, V> others(Map<String, V> values) {
        Map<String, V> kept = new HashMap<>(values);
        kept.keySet().removeIf(AccountAttributes::isAccountAttribute);
        return kept;
    }

    /** The password of the object in a state; empty when the kind maps none, it renders none or reads an unchanged field. */
    static Optional<String> password(EntryKind kind, TemplateVariables state, RDN rdn) {
        return value(kind, state, rdn, PASSWORD);
    }

    /**
     * Whether the account is to be enabled in a state; empty when the kind maps no {@value #ENABLED}.
     *
     * @throws TargetDataException when the mapping renders neither true nor false
     */
    static Optional<Boolean> enabled(EntryKind kind, TemplateVariables state, RDN rdn) {
        return value(kind, state, rdn, ENABLED).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new TargetDataException("The " + ENABLED + " mapping of kind '" + kind.name()
                    + "' rendered neither true nor false");
        });
    }

    private static Optional<String> value(EntryKind kind, TemplateVariables state, RDN rdn, String attribute) {
        for (Map.Entry<String, List<String>> mapped : kind.attributeValues(state, rdn).entrySet()) {
            if (mapped.getKey().equalsIgnoreCase(attribute)) {
                return mapped.getValue().stream().findFirst();
            }
        }
        return Optional.empty();
    }
}
