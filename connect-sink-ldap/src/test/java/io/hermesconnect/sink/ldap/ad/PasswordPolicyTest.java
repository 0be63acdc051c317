package io.hermesconnect.sink.ldap.ad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void everyPasswordHasTheLengthAndOneCharacterOfEachRequiredClassAndNoOther() {
        PasswordPolicy policy = new PasswordPolicy(8,
                EnumSet.of(CharacterClass.LOWERCASE, CharacterClass.DIGIT, CharacterClass.SYMBOL));
        for (int i = 0; i < 2_000; i++) {
            String password = policy.newPassword();

            assertThat(password).hasSize(8);
            assertThat(password.chars().anyMatch(Character::isLowerCase)).isTrue();
            assertThat(password.chars().anyMatch(Character::isDigit)).isTrue();
            assertThat(password.chars().anyMatch(c -> CharacterClass.SYMBOL.characters().indexOf(c) >= 0)).isTrue();
            assertThat(password.chars().noneMatch(Character::isUpperCase)).isTrue();
        }
    }

    @Test
    void passwordsDifferAndTheRequiredCharactersTakeEveryPosition() {
        PasswordPolicy policy = new PasswordPolicy(4, EnumSet.allOf(CharacterClass.class));
        Set<String> passwords = new HashSet<>();
        Set<Integer> digitPositions = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String password = policy.newPassword();
            passwords.add(password);
            for (int p = 0; p < password.length(); p++) {
                if (Character.isDigit(password.charAt(p))) {
                    digitPositions.add(p);
                }
            }
        }

        assertThat(passwords).hasSizeGreaterThan(990);
        assertThat(digitPositions).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void refusesAPolicyItCannotMeet() {
        assertThatThrownBy(() -> new PasswordPolicy(3, EnumSet.allOf(CharacterClass.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 characters");
        assertThatThrownBy(() -> new PasswordPolicy(8, EnumSet.noneOf(CharacterClass.class)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
