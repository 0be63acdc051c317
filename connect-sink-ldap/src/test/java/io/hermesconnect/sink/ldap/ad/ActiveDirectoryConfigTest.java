package io.hermesconnect.sink.ldap.ad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.common.config.ConfigDefLint;
import io.hermesconnect.common.config.GroupedConfigDef;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ActiveDirectoryConfigTest {

    private final ConfigDef def = ActiveDirectoryConfig.define(new GroupedConfigDef()).configDef();

    @Test
    void everyKeyIsDocumentedInItsGroup() {
        assertThat(ConfigDefLint.problems(def)).isEmpty();
        assertThat(def.configKeys().values()).allSatisfy(key -> {
            assertThat(key.name).startsWith("ad.");
            assertThat(key.group).isEqualTo(ActiveDirectoryConfig.GROUP);
        });
    }

    @Test
    void theDefaultPolicyIsSixteenCharactersOfAllFourClasses() {
        PasswordPolicy policy = ActiveDirectoryConfig.passwordPolicy(new AbstractConfig(def, Map.of()));

        assertThat(policy.length()).isEqualTo(16);
        assertThat(policy.requiredClasses()).containsExactlyInAnyOrder(CharacterClass.values());
    }

    @Test
    void readsTheClassesCaseInsensitively() {
        PasswordPolicy policy = ActiveDirectoryConfig.passwordPolicy(new AbstractConfig(def, Map.of(
                ActiveDirectoryConfig.PASSWORD_LENGTH, "10",
                ActiveDirectoryConfig.PASSWORD_CHARACTER_CLASSES, "Lowercase, UPPERCASE,digit")));

        assertThat(policy.length()).isEqualTo(10);
        assertThat(policy.requiredClasses())
                .containsExactlyInAnyOrder(CharacterClass.LOWERCASE, CharacterClass.UPPERCASE, CharacterClass.DIGIT);
    }

    @Test
    void refusesFewerThanThreeClassesAnUnknownClassOrAShortLengthOnTheirKey() {
        assertThatThrownBy(() -> new AbstractConfig(def,
                Map.of(ActiveDirectoryConfig.PASSWORD_CHARACTER_CLASSES, "lowercase,digit,digit")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ActiveDirectoryConfig.PASSWORD_CHARACTER_CLASSES)
                .hasMessageContaining("at least 3 different classes");
        assertThatThrownBy(() -> new AbstractConfig(def,
                Map.of(ActiveDirectoryConfig.PASSWORD_CHARACTER_CLASSES, "lowercase,digit,emoji")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ActiveDirectoryConfig.PASSWORD_CHARACTER_CLASSES);
        assertThatThrownBy(() -> new AbstractConfig(def, Map.of(ActiveDirectoryConfig.PASSWORD_LENGTH, "7")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(ActiveDirectoryConfig.PASSWORD_LENGTH);
    }

    @Test
    void theValidValuesLineListsTheClasses() {
        assertThat(def.configKeys().get(ActiveDirectoryConfig.PASSWORD_CHARACTER_CLASSES).validator)
                .hasToString("at least 3 of lowercase, uppercase, digit, symbol");
    }
}
