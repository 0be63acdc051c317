package io.hermesconnect.sink.ldap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.common.config.ConfigDefLint;
import io.hermesconnect.sink.ldap.mapping.EntryKind;
import io.hermesconnect.sink.ldap.mapping.LdapKind;
import io.hermesconnect.sink.ldap.mapping.MembershipKind;
import io.hermesconnect.sink.ldap.testing.HrKinds;
import io.hermesconnect.sink.ldap.testing.ValidationErrors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each static problem of a config is reported by {@code validate()} on the one key the user must change. */
class LdapSinkValidationTest {

    /** Port 1 refuses connections: a config without static problems fails only its live check, on ldap.url. */
    private static final String UNREACHABLE = "ldap://127.0.0.1:1";

    /** {@code keys}: the key, or a comma list of the keys, with an error. */
    private static Arguments problem(String description, Map<String, String> changes, String keys, String fragment) {
        return Arguments.of(description, changes, keys, fragment);
    }

    private static Map<String, String> removed(String key) {
        Map<String, String> changes = new HashMap<>();
        changes.put(key, null);
        return changes;
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                problem("a base DN that is no DN", Map.of("ldap.base.dn", "example.org"), "ldap.base.dn", "must be a DN"),
                problem("an unknown security", Map.of("ldap.security", "tls"), "ldap.security", "must be one of none, ldaps, starttls"),
                problem("an unknown directory", Map.of("ldap.directory", "ad"), "ldap.directory", "must be one of generic, active_directory"),
                problem("a missing bind password", removed("ldap.bind.password"), "ldap.bind.password", "Missing required configuration"),
                problem("a typo in a kind's setting", Map.of("kinds.users.rdn.attribut", "uid"), "kinds.users.rdn.attribut",
                        "Unknown setting of kind 'users'"),
                problem("a kind not listed", Map.of("kinds.usres.events", "hr.users"), "kinds", "kinds.usres.events"),
                problem("an entry kind without RDN value", removed("kinds.users.rdn.value"), "kinds.users.rdn.value",
                        "Required for kind 'users' of shape entry"),
                problem("an entry kind without object classes", removed("kinds.groups.object.classes"), "kinds.groups.object.classes",
                        "needs its object classes"),
                problem("an RDN template that does not compile", Map.of("kinds.users.rdn.value", "{{ login "), "kinds.users.rdn.value",
                        "kinds.users.rdn.value"),
                problem("an attribute template that does not compile", Map.of("kinds.users.attrs.cn", "{{ first | nosuchfilter }}"),
                        "kinds.users.attrs.cn", "nosuchfilter"),
                problem("a shape that does not exist", Map.of("kinds.memberships.shape", "pairs"), "kinds.memberships.shape",
                        "must be one of entry, membership, member_list"),
                problem("a membership of an unknown group kind", Map.of("kinds.memberships.group.kind", "teams2"),
                        "kinds.memberships.group.kind", "'teams2' is not an entry kind listed in kinds"),
                problem("a member kind without lookup attribute", removed("kinds.users.lookup.attribute"),
                        "kinds.memberships.member.kind,kinds.team_members.member.kind", "has no lookup.attribute"),
                problem("a lookup attribute that is not mapped", Map.of("kinds.groups.lookup.attribute", "ou"),
                        "kinds.groups.lookup.attribute", "must be mapped"),
                problem("a member list without members", removed("kinds.team_members.members"), "kinds.team_members.members",
                        "Required for kind 'team_members' of shape member_list"),
                problem("an event kinds list with an empty item", Map.of("kinds.users.events", "hr.users,,x"), "kinds.users.events",
                        "must not have an empty item"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void aStaticProblemIsReportedOnItsKeyAloneWithoutAskingTheDirectory(String description, Map<String, String> changes,
                                                                         String keys, String fragment) {
        Map<String, String> props = new HashMap<>(HrKinds.config(UNREACHABLE));
        changes.forEach((changed, value) -> {
            if (value == null) {
                props.remove(changed);
            } else {
                props.put(changed, value);
            }
        });

        Map<String, List<String>> errors = ValidationErrors.byKey(LdapSinkConfig.validate(props));

        assertThat(errors).as(description).containsOnlyKeys(keys.split(","));
        errors.values().forEach(messages -> assertThat(messages).anySatisfy(message -> assertThat(message).contains(fragment)));
        assertThatThrownBy(() -> new LdapSinkConfig(props)).isInstanceOf(ConfigException.class);
    }

    @Test
    void aTrashbinNeedsATrashDn() {
        Map<String, String> props = new HashMap<>(HrKinds.config(UNREACHABLE));
        props.put("trashbin.retention.ms", "86400000");
        props.remove("ldap.trash.dn");

        assertThat(ValidationErrors.byKey(LdapSinkConfig.validate(props))).containsOnlyKeys("ldap.trash.dn");
    }

    @Test
    void onActiveDirectoryTheTrashbinStaysInPlaceAndNeedsNoTrashDn() {
        Map<String, String> props = activeDirectory();
        props.put("trashbin.retention.ms", "86400000");
        props.remove("ldap.trash.dn");

        assertThat(ValidationErrors.byKey(LdapSinkConfig.validate(props))).containsOnlyKeys("ldap.url");
    }

    @Test
    void onActiveDirectoryAMappedPasswordOverPlainLdapIsRefusedOnTheSecurityKey() {
        Map<String, String> props = activeDirectory();
        props.put("kinds.users.attrs.unicodePwd", "{{ login }}-secret");

        Map<String, List<String>> errors = ValidationErrors.byKey(LdapSinkConfig.validate(props));

        assertThat(errors).containsOnlyKeys("ldap.security");
        assertThat(errors.get("ldap.security")).singleElement().asString()
                .contains("must be ldaps or starttls", "kind 'users' maps unicodePwd").doesNotContain("secret");
        props.put("ldap.directory", "generic");
        assertThat(ValidationErrors.byKey(LdapSinkConfig.validate(props))).as("a generic directory takes any attribute")
                .containsOnlyKeys("ldap.url");
    }

    @Test
    void onActiveDirectoryWithoutAMappedPasswordPlainLdapIsAllowed() {
        assertThat(ValidationErrors.byKey(LdapSinkConfig.validate(activeDirectory()))).containsOnlyKeys("ldap.url");
    }

    @Test
    void theDirectoryIsGenericUnlessSaidAndActiveDirectoryHasAPasswordPolicy() {
        Map<String, String> props = new HashMap<>(HrKinds.config(UNREACHABLE));
        assertThat(new LdapSinkConfig(props).directoryType()).isEqualTo(DirectoryType.GENERIC);

        props.put("ldap.directory", "active_directory");
        props.put("ad.password.length", "24");
        LdapSinkConfig config = new LdapSinkConfig(props);

        assertThat(config.directoryType()).isEqualTo(DirectoryType.ACTIVE_DIRECTORY);
        assertThat(config.passwordPolicy().newPassword()).hasSize(24);
    }

    private static Map<String, String> activeDirectory() {
        Map<String, String> props = new HashMap<>(HrKinds.config(UNREACHABLE));
        props.put("ldap.directory", "active_directory");
        return props;
    }

    @Test
    void aValidConfigParsesIntoItsKindsInOrder() {
        LdapSinkConfig config = new LdapSinkConfig(HrKinds.config(UNREACHABLE));

        assertThat(config.kinds()).extracting(LdapKind::name).containsExactly("users", "groups", "memberships", "teams", "team_members");
        assertThat(config.kinds().get(0)).isInstanceOf(EntryKind.class);
        MembershipKind teamMembers = (MembershipKind) config.kinds().get(4);
        assertThat(teamMembers.memberList()).isTrue();
        assertThat(teamMembers.group().name()).isEqualTo("teams");
        assertThat(config.connection().toString()).doesNotContain("secret");
    }

    @Test
    void withoutStaticProblemsTheLiveCheckReportsAnUnreachableDirectoryOnTheUrl() {
        assertThat(ValidationErrors.byKey(LdapSinkConfig.validate(HrKinds.config(UNREACHABLE)))).containsOnlyKeys("ldap.url");
    }

    @Test
    void everyKeyIsDocumentedGroupedAndNamed() {
        assertThat(ConfigDefLint.problems(LdapSinkConfig.CONFIG_DEF)).isEmpty();
        LdapSinkConfig.nestedDefinitions().values().forEach(def -> assertThat(ConfigDefLint.problems(def)).isEmpty());
    }
}
