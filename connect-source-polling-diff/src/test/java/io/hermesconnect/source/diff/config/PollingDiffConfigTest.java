package io.hermesconnect.source.diff.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.common.config.ConfigDefLint;
import io.hermesconnect.source.diff.event.TopicRouting;
import io.hermesconnect.source.diff.fetch.FetchQuery;
import io.hermesconnect.source.diff.merge.ConflictPolicy;
import io.hermesconnect.source.diff.merge.KeyMergeConstraint;
import io.hermesconnect.source.diff.model.AttributeClass;
import io.hermesconnect.source.diff.model.ObjectType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PollingDiffConfigTest {

    @Test
    void everyKeyIsDocumentedGroupedAndNamed() {
        assertThat(ConfigDefLint.problems(PollingDiffConfig.CONFIG_DEF)).isEmpty();
        PollingDiffConfig.nestedDefinitions().forEach((family, def) ->
                assertThat(ConfigDefLint.problems(def)).as(family).isEmpty());
    }

    @Test
    void parsesTheTypesInOrderWithTheirKeysAndAttributeClasses() {
        PollPlan plan = new PollingDiffConfig(HermesLikeConfig.props()).plan();

        assertThat(plan.types()).extracting(TypePlan::name).containsExactly("Users", "Groups", "GroupsMembers");
        ObjectType users = plan.types().get(0).type();
        assertThat(users.primaryKey()).containsExactly("uid");
        assertThat(users.attributeClass("password")).isEqualTo(AttributeClass.SECRET);
        assertThat(users.attributeClass("hired")).isEqualTo(AttributeClass.LOCAL);
        assertThat(users.attributeClass("login")).isEqualTo(AttributeClass.NORMAL);
        assertThat(users.describe(users.object("hr", Map.of("uid", 7, "login", "ada")))).isEqualTo("ada");
        TypePlan members = plan.types().get(2);
        assertThat(members.type().primaryKey()).containsExactly("user_id", "group_id");
        assertThat(members.conflictPolicy()).isEqualTo(ConflictPolicy.KEEP_FIRST_VALUE);
        assertThat(plan.types().get(0).conflictPolicy()).isEqualTo(ConflictPolicy.USE_CACHED_ENTRY);
        assertThat(members.foreignKeys()).containsExactly(new ForeignKey("group_id", "Groups", "gid"),
                new ForeignKey("user_id", "Users", "uid"));
        assertThat(members.foreignKeyReferences()).isEqualTo(Map.of("group_id", "Groups.gid", "user_id", "Users.uid"));
        assertThat(members.integrityConstraints()).singleElement()
                .satisfies(t -> assertThat(t.configKey()).isEqualTo("types.GroupsMembers.integrity.constraint"));
        assertThat(plan.types().get(1).integrityConstraints()).isEmpty();
    }

    @Test
    void parsesEachTypesSourcesInMergeOrderWithTheirQueriesAndMergeSettings() {
        PollPlan plan = new PollingDiffConfig(HermesLikeConfig.props()).plan();

        List<TypeSourcePlan> userSources = plan.types().get(0).sources();
        assertThat(userSources).extracting(TypeSourcePlan::source).containsExactly("hr", "dir");
        TypeSourcePlan hr = userSources.get(0);
        assertThat(hr.keyMergeConstraint()).isEqualTo(KeyMergeConstraint.NO_CONSTRAINT);
        assertThat(hr.query().render(Map.of())).isEqualTo(
                new FetchQuery.Sql("SELECT uid, login, first_name, last_name, mail, alias, password, hired FROM users"));
        assertThat(hr.commitOne().render(Map.of("uid", 7), "an object")).isEqualTo("UPDATE users SET password = NULL WHERE uid = 7");
        assertThat(hr.commitAll()).isNull();
        assertThat(hr.mergeConstraints()).isEmpty();
        TypeSourcePlan dir = userSources.get(1);
        assertThat(dir.keyMergeConstraint()).isEqualTo(KeyMergeConstraint.MUST_ALREADY_EXIST);
        // uid_number is a template other than a bare reference: the search reads every attribute
        assertThat(dir.query().render(Map.of())).isEqualTo(new FetchQuery.Ldap("ou=people,dc=example,dc=org",
                "(objectClass=inetOrgPerson)", FetchQuery.LdapScope.SUB, List.of()));
    }

    @Test
    void aQueryTemplateSeesTheObjectsOfEarlierTypes() {
        PollPlan plan = new PollingDiffConfig(HermesLikeConfig.props()).plan();
        SourceQuery members = plan.types().get(2).sources().get(0).query();

        assertThat(members.render(plan.emptyEarlierTypes("GroupsMembers")))
                .isEqualTo(new FetchQuery.Sql("SELECT user_id, group_id FROM members"));
        assertThat(members.render(Map.of("Users", List.of(Map.of("uid", 3), Map.of("uid", 5)))))
                .isEqualTo(new FetchQuery.Sql("SELECT user_id, group_id FROM members WHERE user_id IN (3,5)"));
        assertThat(plan.emptyEarlierTypes("GroupsMembers")).isEqualTo(Map.of("Users", List.of(), "Users_pkeys", Set.of(),
                "Groups", List.of(), "Groups_pkeys", Set.of()));
    }

    @Test
    void parsesMergeConstraintsScopesAndWriteBackPerPoll() {
        Map<String, String> props = HermesLikeConfig.props();
        props.put("types.Users.sources.dir.merge.constraint", "{{ _SELF.uid in hr_pkeys }}");
        props.put("types.Users.sources.dir.ldap.scope", "one");
        props.put("types.Groups.sources.hr.commit.all", "UPDATE sync SET groups_sent = now()");
        PollPlan plan = new PollingDiffConfig(props).plan();

        TypeSourcePlan dir = plan.types().get(0).sources().get(1);
        assertThat(dir.mergeConstraints()).singleElement().satisfies(constraint -> {
            assertThat(constraint.configKey()).isEqualTo("types.Users.sources.dir.merge.constraint");
            assertThat(constraint.test(Map.of("_SELF", Map.of("uid", 4), "hr_pkeys", Set.of(4L, 4)), "a test")).isTrue();
        });
        assertThat(((FetchQuery.Ldap) dir.query().render(Map.of())).scope()).isEqualTo(FetchQuery.LdapScope.ONE);
        assertThat(plan.types().get(1).sources().get(0).commitAll().render(Map.of(), "a test"))
                .isEqualTo("UPDATE sync SET groups_sent = now()");
    }

    @Test
    void anLdapSearchReadsOnlyTheAttributesItsMappingNames() {
        Map<String, String> props = HermesLikeConfig.props();
        props.remove("types.Users.sources.dir.attrs.uid_number");
        PollPlan plan = new PollingDiffConfig(props).plan();

        assertThat(plan.types().get(0).sources().get(1).query().render(Map.of())).isEqualTo(new FetchQuery.Ldap(
                "ou=people,dc=example,dc=org", "(objectClass=inetOrgPerson)", FetchQuery.LdapScope.SUB,
                List.of("employeeNumber", "telephoneNumber")));
    }

    @Test
    void parsesTheSourcesSettings() {
        PollPlan plan = new PollingDiffConfig(HermesLikeConfig.props()).plan();

        assertThat(plan.sources().keySet()).containsExactly("hr", "dir");
        JdbcSourceSettings hr = (JdbcSourceSettings) plan.sources().get("hr");
        assertThat(hr.url()).isEqualTo("jdbc:postgresql://db:5432/hr");
        assertThat(hr.user()).isEqualTo("hermes");
        assertThat(hr.password().value()).isEqualTo(HermesLikeConfig.DB_PASSWORD);
        assertThat(hr.fetchSize()).isEqualTo(1000);
        assertThat(hr.queryTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(hr.driverProperties()).isEqualTo(Map.of("sslmode", "require"));
        assertThat(hr.urlKey()).isEqualTo("sources.hr.jdbc.url");
        assertThat(hr.passwordKey()).isEqualTo("sources.hr.jdbc.password");
        LdapSourceSettings dir = (LdapSourceSettings) plan.sources().get("dir");
        assertThat(dir.url()).isEqualTo("ldap://ldap:389");
        assertThat(dir.bindDn()).isEqualTo("cn=reader,dc=example,dc=org");
        assertThat(dir.bindPassword().value()).isEqualTo(HermesLikeConfig.LDAP_PASSWORD);
        assertThat(dir.startTls()).isTrue();
        assertThat(dir.truststoreType()).isEqualTo("PKCS12");
        assertThat(dir.pageSize()).isEqualTo(500);
        assertThat(dir.passwordKey()).isEqualTo("sources.dir.ldap.bind.password");
    }

    @Test
    void connectorLevelSettingsAndDefaults() {
        PollingDiffConfig config = new PollingDiffConfig(HermesLikeConfig.props());

        assertThat(config.pollInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.snapshotMode()).isEqualTo(SnapshotMode.INITIAL);
        assertThat(config.removedTypes()).isEqualTo(RemovedTypes.DELETE);
        assertThat(config.topicRouting()).isEqualTo(TopicRouting.SINGLE);
        assertThat(config.topic("Users")).isEqualTo("hermes");
        assertThat(config.tombstonesOnDelete()).isTrue();
        assertThat(config.stateTopic()).isEqualTo("hermes.state");
        assertThat(config.stateTopicReplicationFactor()).isEqualTo((short) -1);
        assertThat(config.stateSecretKey().value()).isEqualTo(HermesLikeConfig.SECRET_KEY);
        assertThat(config.stateKafkaSettings()).isEqualTo(Map.of("bootstrap.servers", "kafka:9092", "security.protocol", "SSL"));

        Map<String, String> props = HermesLikeConfig.props();
        props.put("topic.routing", "per-type");
        props.put("state.topic", "users-state");
        props.put("snapshot.mode", "never");
        PollingDiffConfig perType = new PollingDiffConfig(props);
        assertThat(perType.topic("Users")).isEqualTo("hermes.Users");
        assertThat(perType.stateTopic()).isEqualTo("users-state");
        assertThat(perType.snapshotMode()).isEqualTo(SnapshotMode.NEVER);
    }

    @Test
    void neitherTheConfigNorItsPlanShowsAPassword() {
        PollingDiffConfig config = new PollingDiffConfig(HermesLikeConfig.props());

        assertThat(config.toString() + config.plan().sources())
                .doesNotContain(HermesLikeConfig.DB_PASSWORD, HermesLikeConfig.LDAP_PASSWORD, HermesLikeConfig.SECRET_KEY)
                .contains("[hidden]");
    }

    @Test
    void driverPropertiesShowOnlyTheirNames() {
        Map<String, String> props = HermesLikeConfig.props();
        props.put("sources.hr.jdbc.properties.sslpassword", "key-pass-0c1d");

        assertThat(new PollingDiffConfig(props).plan().sources().get("hr").toString())
                .contains("sslpassword").doesNotContain("key-pass-0c1d");
    }

    @Test
    void aBadConfigFailsOnItsFirstProblemNamingTheKey() {
        Map<String, String> props = new HashMap<>(HermesLikeConfig.props());
        props.put("types.Users.primary.key", "id");

        assertThatThrownBy(() -> new PollingDiffConfig(props))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.key()).isEqualTo("types.Users.primary.key"))
                .hasMessageContaining("Source 'hr' does not map the key attribute [id]");
    }
}
