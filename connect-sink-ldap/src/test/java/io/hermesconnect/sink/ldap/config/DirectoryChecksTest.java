package io.hermesconnect.sink.ldap.config;

import static io.hermesconnect.sink.ldap.testing.Events.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import io.hermesconnect.common.sink.StepProgress;
import io.hermesconnect.sink.ldap.target.LdapTarget;
import io.hermesconnect.sink.ldap.testing.DirectoryState;
import io.hermesconnect.sink.ldap.testing.Events;
import io.hermesconnect.sink.ldap.testing.HrKinds;
import io.hermesconnect.sink.ldap.testing.ValidationErrors;
import io.hermesconnect.testkit.FreePort;
import io.hermesconnect.testkit.ldap.InMemoryLdapServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code validate()} asks the directory and pins each problem on the key to change; TLS connects as configured. */
class DirectoryChecksTest {

    private static InMemoryLdapServer server;

    @BeforeAll
    static void startServer() throws LDAPException {
        server = InMemoryLdapServer.startWithLdaps();
        DirectoryState.reset(server);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static Map<String, List<String>> errors(Map<String, String> changes) {
        Map<String, String> props = HrKinds.config(server.url());
        props.putAll(changes);
        return ValidationErrors.byKey(LdapSinkConfig.validate(props));
    }

    @Test
    void aConfigTheDirectoryAcceptsHasNoError() {
        assertThat(errors(Map.of())).isEmpty();
    }

    @Test
    void anUnreachableServerIsReportedOnTheUrl() {
        assertThat(errors(Map.of("ldap.url", "ldap://127.0.0.1:" + FreePort.find()))).containsOnlyKeys("ldap.url");
    }

    @Test
    void aRefusedBindIsReportedOnTheBindKeys() {
        assertThat(errors(Map.of("ldap.bind.password", "wrong"))).containsOnlyKeys("ldap.bind.dn", "ldap.bind.password");
    }

    @Test
    void aMissingBaseOrTrashDnIsReportedOnItsKey() {
        assertThat(errors(Map.of("ldap.base.dn", "dc=nowhere,dc=org"))).containsOnlyKeys("ldap.base.dn");
        assertThat(errors(Map.of("ldap.trash.dn", "ou=bin,dc=example,dc=org"))).containsOnlyKeys("ldap.trash.dn");
    }

    @Test
    void objectClassesAndAttributesUnknownToTheSchemaAreReportedOnTheKindsKeys() {
        Map<String, List<String>> errors = errors(Map.of(
                "kinds.users.object.classes", "top,person,inetOrgPersn",
                "kinds.users.attrs.mial", "{{ emails }}",
                "kinds.groups.rdn.attribute", "commonNme"));

        assertThat(errors).containsOnlyKeys("kinds.users.object.classes", "kinds.users.attrs.mial", "kinds.groups.rdn.attribute");
        assertThat(errors.get("kinds.users.object.classes")).containsExactly("Object class 'inetOrgPersn' is not in the server's schema");
    }

    @Test
    void ldapsAndStartTlsConnectWithTheTrustStoreAndFailOnTheTrustStoreWithoutIt() throws LDAPException {
        Map<String, String> ldaps = Map.of("ldap.url", server.ldapsUrl(), "ldap.security", "ldaps",
                "ldap.truststore.path", server.trustStore().toString(), "ldap.truststore.password", server.trustStorePassword());
        Map<String, String> startTls = Map.of("ldap.security", "starttls",
                "ldap.truststore.path", server.trustStore().toString(), "ldap.truststore.password", server.trustStorePassword());

        assertThat(errors(ldaps)).isEmpty();
        assertThat(errors(startTls)).isEmpty();
        assertThat(errors(Map.of("ldap.url", server.ldapsUrl(), "ldap.security", "ldaps"))).containsOnlyKeys("ldap.truststore.path");
        assertThat(errors(Map.of("ldap.security", "ldaps"))).containsOnlyKeys("ldap.url");

        for (Map<String, String> secured : List.of(ldaps, startTls)) {
            Map<String, String> props = HrKinds.config(server.url());
            props.putAll(secured);
            LdapSinkConfig config = new LdapSinkConfig(props);
            try (LdapTarget target = LdapTarget.open(config)) {
                target.add(Events.add("hr.users", fields("id", secured.get("ldap.security"), "login", "tls-" + secured.get("ldap.security"), "first", "T",
                        "last", "L", "emails", null, "notes", null)), new StepProgress());
            }
        }
        assertThat(DirectoryState.snapshot(server)).containsKeys("uid=tls-ldaps,ou=people,dc=example,dc=org",
                "uid=tls-starttls,ou=people,dc=example,dc=org");
    }
}
