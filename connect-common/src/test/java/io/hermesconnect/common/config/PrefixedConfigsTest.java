package io.hermesconnect.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class PrefixedConfigsTest {

    private static final Map<String, String> ORIGINALS = Map.of(
            "types", "Users,Groups",
            "types.Users.pkey", "id",
            "types.Users.sources.hr.attrs.cn", "{{ name }}",
            "types.Users.sources.hr.query", "SELECT 1",
            "types.Groups.pkey", "gid",
            "types.Usres.pkey", "typo",
            "types.Users", "no setting",
            "typesetting", "not under the prefix",
            "name", "connector");

    @Test
    void splitsSettingsByDeclaredName() {
        PrefixedConfigs types = PrefixedConfigs.split(ORIGINALS, "types", List.of("Users", "Groups", "Roles"));

        assertThat(types.settings("Users")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "pkey", "id", "sources.hr.attrs.cn", "{{ name }}", "sources.hr.query", "SELECT 1"));
        assertThat(types.settings("Groups")).containsExactlyEntriesOf(Map.of("pkey", "gid"));
        assertThat(types.settings("Roles")).isEmpty();
        assertThat(types.all().keySet()).containsExactly("Users", "Groups", "Roles");
        assertThatThrownBy(() -> types.settings("Nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nestsBySplittingASubMapAgain() {
        Map<String, Object> users = PrefixedConfigs.split(ORIGINALS, "types", List.of("Users", "Groups")).settings("Users");

        PrefixedConfigs sources = PrefixedConfigs.split(users, "sources", List.of("hr"));

        assertThat(sources.settings("hr")).containsExactlyInAnyOrderEntriesOf(Map.of("attrs.cn", "{{ name }}", "query", "SELECT 1"));
        assertThat(sources.undeclaredKeys()).isEmpty();
    }

    @Test
    void findsKeysOfUndeclaredNames() {
        PrefixedConfigs types = PrefixedConfigs.split(ORIGINALS, "types", List.of("Users", "Groups"));

        assertThat(types.undeclaredKeys()).containsExactly("types.Users", "types.Usres.pkey");
        assertThat(types.problem("types.Usres.pkey")).isEqualTo(
                "'types.Usres.pkey' is not a setting of a name listed in 'types' (listed: Users, Groups); check the name after 'types.'");
        assertThatThrownBy(types::requireNoUndeclared).isInstanceOf(ConfigException.class).hasMessageContaining("'types.Users'");
    }

    @Test
    void reportsUndeclaredKeysOnTheListKeyDuringValidation() {
        Config config = new Config(new ArrayList<>(List.of(new ConfigValue("types"))));

        PrefixedConfigs.split(ORIGINALS, "types", List.of("Users", "Groups")).reportUndeclared(config);

        assertThat(ConfigValidation.find(config, "types").orElseThrow().errorMessages())
                .hasSize(2)
                .allSatisfy(message -> assertThat(message).contains("is not a setting of a name listed in 'types'"));
    }

    @Test
    void acceptsWhatIsAllDeclared() {
        PrefixedConfigs types = PrefixedConfigs.split(Map.of("types.A.x", 1), "types", List.of("A"));

        assertThat(types.requireNoUndeclared().settings("A")).containsEntry("x", 1);
    }
}
