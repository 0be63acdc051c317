package io.hermesconnect.source.diff.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.common.config.ConfigValidation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each static problem of a config is reported by {@code validate()} on the one key the user must change. */
class PollingDiffValidationTest {

    /** Static problems must stop validation before any source is asked. */
    private static final FetcherFactory NO_LIVE_CHECKS = settings -> {
        throw new AssertionError("a config with problems must not reach the live checks");
    };

    /** A null value removes the key. */
    private static Arguments problem(String description, Map<String, String> changes, String key, String fragment) {
        return Arguments.of(description, changes, key, fragment);
    }

    private static Map<String, String> removed(String key) {
        Map<String, String> changes = new HashMap<>();
        changes.put(key, null);
        return changes;
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                problem("a connector-level value", Map.of("snapshot.mode", "sometimes"), "snapshot.mode", "must be one of initial, never"),
                problem("a typo in a setting's name", Map.of("types.Users.primry.key", "uid"), "types.Users.primry.key",
                        "Unknown setting; the settings of types.Users.* are"),
                problem("a type not listed", Map.of("types.Usres.primary.key", "uid"), "types.Usres.primary.key",
                        "is not a setting of a name listed in 'types'"),
                problem("a source not listed", Map.of("sources.crm.kind", "jdbc"), "sources.crm.kind",
                        "is not a setting of a name listed in 'sources'"),
                problem("a type's source not listed for the type", Map.of("types.Groups.sources.dir.ldap.base", "ou=groups"),
                        "types.Groups.sources.dir.ldap.base", "is not a setting of a name listed in 'sources'"),
                problem("a missing primary key", removed("types.Groups.primary.key"), "types.Groups.primary.key",
                        "Missing required configuration"),
                problem("a type reading an undeclared source", Map.of("types.Groups.sources", "hr,crm"), "types.Groups.sources",
                        "'crm' is not a source listed in sources (listed: hr, dir)"),
                problem("a jdbc source without URL", removed("sources.hr.jdbc.url"), "sources.hr.jdbc.url", "Required for a jdbc source"),
                problem("an ldap setting on a jdbc source", Map.of("sources.hr.ldap.page.size", "10"), "sources.hr.ldap.page.size",
                        "A setting of ldap sources; this source is jdbc"),
                problem("a driver property on an ldap source", Map.of("sources.dir.jdbc.properties.ssl", "true"),
                        "sources.dir.jdbc.properties.ssl", "A setting of jdbc sources; this source is ldap"),
                problem("a source of an unknown kind", Map.of("sources.dir.kind", "csv"), "sources.dir.kind", "must be one of jdbc, ldap"),
                problem("a jdbc type source without query", removed("types.Groups.sources.hr.query"), "types.Groups.sources.hr.query",
                        "Required when the source is jdbc"),
                problem("an ldap type source without base", removed("types.Users.sources.dir.ldap.base"),
                        "types.Users.sources.dir.ldap.base", "Required when the source is ldap"),
                problem("a query on an ldap source", Map.of("types.Users.sources.dir.query", "SELECT 1"), "types.Users.sources.dir.query",
                        "Not a setting of ldap sources"),
                problem("a bad template", Map.of("types.Users.to.string", "{{ login "), "types.Users.to.string", "Invalid value"),
                problem("a bad search filter template", Map.of("types.Users.sources.dir.ldap.filter", "{% if %}"),
                        "types.Users.sources.dir.ldap.filter", "Invalid value"),
                problem("a mapping template that is not one expression", Map.of("types.Users.sources.hr.attrs.login", "id-{{ login }}"),
                        "types.Users.sources.hr.attrs.login", "must be entirely one Jinja expression"),
                problem("a bad list of columns", Map.of("types.Users.sources.hr.attrs.mail", "[mail, ]"),
                        "types.Users.sources.hr.attrs.mail", "each column named"),
                problem("a query naming a later type", Map.of("types.Users.sources.hr.query",
                        "SELECT * FROM users WHERE gid IN ({{ Groups_pkeys | join(',') }})"), "types.Users.sources.hr.query",
                        "sees only the types declared before it (none)"),
                problem("a query naming an unknown type", Map.of("types.Groups.sources.hr.query", "SELECT {{ Teams | length }}"),
                        "types.Groups.sources.hr.query", "sees only the types declared before it: Users (and their _pkeys)"),
                problem("a primary key a source does not map", removed("types.Users.sources.dir.attrs.uid"), "types.Users.primary.key",
                        "Source 'dir' does not map the key attribute [uid]: every source of the type must "
                                + "(types.Users.sources.dir.attrs.uid)"),
                problem("a secret without the state's key", removed("state.secret.key"), "state.secret.key",
                        "Type Users has secret attributes"),
                problem("a class naming an unmapped attribute", Map.of("types.Users.cache.only.attributes", "shoe_size"),
                        "types.Users.cache.only.attributes", "'shoe_size' is not mapped by any source of the type"),
                problem("an attribute in two classes", Map.of("types.Users.cache.only.attributes", "password"),
                        "types.Users.cache.only.attributes", "'password' is already listed as secret"),
                problem("a class on a key attribute", Map.of("types.Users.local.attributes", "uid"), "types.Users.local.attributes",
                        "'uid' is a primary key attribute"),
                problem("an unknown attribute type", Map.of("types.Users.attribute.types", "display_name:text"),
                        "types.Users.attribute.types", "'text' is not one of int8"),
                problem("a bad key merge constraint", Map.of("types.Users.sources.dir.key.merge.constraint", "mustAlreadyExist"),
                        "types.Users.sources.dir.key.merge.constraint", "must be one of no_constraint, must_already_exist"),
                problem("a foreign key to an unknown type", Map.of("types.GroupsMembers.foreign.keys.group_id", "Teams.gid"),
                        "types.GroupsMembers.foreign.keys.group_id", "'Teams' is not a type listed in types"),
                problem("a foreign key to an attribute that is not the parent's key",
                        Map.of("types.GroupsMembers.foreign.keys.group_id", "Groups.name"),
                        "types.GroupsMembers.foreign.keys.group_id", "'name' is not a primary key attribute of Groups (its key: gid)"),
                problem("a foreign key from an unmapped attribute", Map.of("types.GroupsMembers.foreign.keys.role", "Groups.gid"),
                        "types.GroupsMembers.foreign.keys.role", "'role' is not mapped by any source of GroupsMembers"),
                problem("a foreign key not written Type.attribute", Map.of("types.GroupsMembers.foreign.keys.group_id", "Groups"),
                        "types.GroupsMembers.foreign.keys.group_id", "A foreign key is written <Type>.<attribute>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void reportsEachProblemOnItsKeyOnly(String description, Map<String, String> changes, String key, String fragment) {
        Map<String, String> props = HermesLikeConfig.props();
        changes.forEach((changed, value) -> {
            if (value == null) {
                props.remove(changed);
            } else {
                props.put(changed, value);
            }
        });

        Config config = PollingDiffConfig.validate(props, NO_LIVE_CHECKS);

        assertThat(errorsByKey(config)).as(description).containsOnlyKeys(key);
        assertThat(errorsByKey(config).get(key)).as(description).anySatisfy(message -> assertThat(message).contains(fragment));
    }

    @Test
    void namesACycleOfForeignKeysOnce() {
        Map<String, String> props = HermesLikeConfig.props();
        props.put("types.Users.sources.hr.attrs.main_group", "main_group");
        props.put("types.Users.foreign.keys.main_group", "Groups.gid");
        props.put("types.Groups.sources.hr.attrs.owner", "owner");
        props.put("types.Groups.foreign.keys.owner", "Users.uid");

        Config config = PollingDiffConfig.validate(props, NO_LIVE_CHECKS);

        assertThat(errorsByKey(config)).isEqualTo(Map.of("types.Users.foreign.keys.main_group", List.of(
                "The foreign keys form a cycle: Users.main_group -> Groups.gid, Groups.owner -> Users.uid; objects of a cycle "
                        + "could never be created one before the other")));
    }

    @Test
    void aTypeReferringToItselfIsACycle() {
        Map<String, String> props = HermesLikeConfig.props();
        props.put("types.Users.sources.hr.attrs.manager", "manager");
        props.put("types.Users.foreign.keys.manager", "Users.uid");

        assertThat(errorsByKey(PollingDiffConfig.validate(props, NO_LIVE_CHECKS)))
                .containsOnlyKeys("types.Users.foreign.keys.manager");
    }

    /** Checks that depend on a part with a problem are left out: they would only add noise. */
    @Test
    void reportsEveryIndependentProblemAtOnce() {
        Map<String, String> props = HermesLikeConfig.props();
        props.put("types.Groups.to.string", "{{ name ");
        props.put("types.GroupsMembers.foreign.keys.group_id", "Teams.gid");
        props.put("sources.dir.jdbc.fetch.size", "10");

        assertThat(errorsByKey(PollingDiffConfig.validate(props, NO_LIVE_CHECKS))).containsOnlyKeys("types.Groups.to.string",
                "types.GroupsMembers.foreign.keys.group_id", "sources.dir.jdbc.fetch.size");
    }

    @Test
    void noErrorMessageQuotesAPassword() {
        Map<String, String> props = HermesLikeConfig.props();
        props.put("sources.hr.ldap.bind.password", "never-show-3e9");
        props.put("sources.dir.kind", "nosql");

        assertThat(errorsByKey(PollingDiffConfig.validate(props, NO_LIVE_CHECKS)).toString())
                .doesNotContain("never-show-3e9", HermesLikeConfig.DB_PASSWORD, HermesLikeConfig.LDAP_PASSWORD);
    }

    static Map<String, List<String>> errorsByKey(Config config) {
        return config.configValues().stream().filter(value -> !value.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    static List<String> errorsOn(Config config, String key) {
        return ConfigValidation.find(config, key).map(ConfigValue::errorMessages).orElse(List.of());
    }
}
