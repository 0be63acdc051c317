package io.hermesconnect.sink.ldap.mapping;

import static io.hermesconnect.sink.ldap.testing.Events.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.RDN;
import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.TargetDataException;
import io.hermesconnect.sink.ldap.config.LdapSinkConfig;
import io.hermesconnect.sink.ldap.testing.Events;
import io.hermesconnect.sink.ldap.testing.HrKinds;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryKindTest {

    private static final DN BASE = new DN(new RDN("dc", "example"), new RDN("dc", "org"));
    private static final EntryKind USERS = (EntryKind) new LdapSinkConfig(HrKinds.config("ldap://127.0.0.1:1")).kinds().get(0);

    private static SinkEvent user(String login, Object emails) {
        return Events.add("hr.users", fields("id", "7", "login", login, "first", "Ann", "last", "Lee", "emails", emails,
                "notes", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a,b", "a+b", "a\"b", "a\\b", "a<b>c", "a;b", "a=b", "#ab", " lead", "trail ", "Zoë Ångström",
            "名前", "a,+\"\\<>;=#b"})
    void theRdnValueIsEscapedSoThatTheDnNamesExactlyTheValue(String login) throws Exception {
        DN dn = USERS.dn(TemplateVariables.after(user(login, null)), BASE);

        DN reparsed = new DN(dn.toString());
        assertThat(reparsed.getRDN().getAttributeNames()).containsExactly("uid");
        assertThat(reparsed.getRDN().getAttributeValues()).containsExactly(login);
        assertThat(reparsed.getParent()).isEqualTo(new DN("ou=people,dc=example,dc=org"));
        assertThat(reparsed.getRDNs()).hasSize(4);
    }

    @Test
    void anEmptyRdnValueParksTheEventNamingTheTemplateKey() {
        assertThatThrownBy(() -> USERS.dn(TemplateVariables.after(user("", null)), BASE))
                .isInstanceOf(TargetDataException.class)
                .hasMessageContaining("kinds.users.rdn.value");
    }

    @Test
    void aTemplateThatFailsNamesItsKeyAndNoValue() {
        SinkEvent noLast = Events.add("hr.users", fields("id", "7", "login", "ann", "first", "Secret-Value", "emails", null,
                "notes", null));
        TemplateVariables state = TemplateVariables.after(noLast);
        RDN rdn = USERS.dn(state, BASE).getRDN();

        assertThatThrownBy(() -> USERS.attributeValues(state, rdn))
                .isInstanceOf(TargetDataException.class)
                .hasMessageContaining("kinds.users.attrs.")
                .hasMessageNotContaining("Secret-Value");
    }

    @Test
    void valuesAreSetsEmptyStringsAreAbsentDefaultsFillTheRestAndTheRdnValueIsKept() {
        TemplateVariables state = TemplateVariables.after(user("ann", List.of("a@x.org", "", "b@x.org", "a@x.org")));
        Map<String, List<String>> attributes = USERS.attributeValues(state, USERS.dn(state, BASE).getRDN());

        assertThat(attributes.get("mail")).containsExactly("a@x.org", "b@x.org");
        assertThat(attributes.get("description")).isEmpty();
        assertThat(attributes.get("title")).containsExactly("Staff");
        assertThat(attributes.get("uid")).containsExactly("ann");
        assertThat(attributes.get("cn")).containsExactly("Ann Lee");
        assertThat(attributes.get("objectClass")).containsExactly("top", "person", "organizationalPerson", "inetOrgPerson");
    }

    @Test
    void anAttributeWhoseTemplateReadsAnUnchangedFieldIsLeftOut() {
        SinkEvent toast = Events.modifyWithUnchanged("hr.users", fields("id", "7", "login", "ann", "first", "Ann", "last", "Lee",
                "emails", null), Set.of("notes"));
        TemplateVariables state = TemplateVariables.after(toast);
        Map<String, List<String>> attributes = USERS.attributeValues(state, USERS.dn(state, BASE).getRDN());

        assertThat(attributes).doesNotContainKey("description").containsKey("cn");
    }

    @Test
    void booleansAreLdapBooleans() {
        assertThat(AttributeValues.of(true)).containsExactly("TRUE");
        assertThat(AttributeValues.of(List.of(false, 3))).containsExactly("FALSE", "3");
        assertThat(AttributeValues.of(null)).isEmpty();
    }

    @Test
    void theLookupValueReadsTheKeyAloneForATombstone() {
        assertThat(USERS.lookupValue(TemplateVariables.before(Events.tombstone("hr.users", "42")))).contains("42");
    }
}
