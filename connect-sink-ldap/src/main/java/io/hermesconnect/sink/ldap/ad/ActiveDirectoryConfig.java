package io.hermesconnect.sink.ldap.ad;

import io.hermesconnect.common.config.EnumChoice;
import io.hermesconnect.common.config.GroupedConfigDef;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The LDAP sink's keys for Active Directory, {@code ad.*}, which the sink's config adds to its own. */
public final class ActiveDirectoryConfig {

    public static final String GROUP = "Active Directory";

    public static final String PASSWORD_LENGTH = "ad.password.length";
    public static final String PASSWORD_CHARACTER_CLASSES = "ad.password.character.classes";

    static final EnumChoice<CharacterClass> CHARACTER_CLASSES = EnumChoice.of(CharacterClass.class);
    // AD's default complexity rule: at least 7 characters, of at least 3 of the 4 classes
    private static final int MIN_LENGTH = 8;
    private static final int MAX_LENGTH = 256;

    private ActiveDirectoryConfig() {
    }

    /** Adds the {@code ad.*} keys to {@code def}, in the group {@value #GROUP}. */
    public static GroupedConfigDef define(GroupedConfigDef def) {
        def.group(GROUP)
                .define(PASSWORD_LENGTH, Type.INT, 16, ConfigDef.Range.between(MIN_LENGTH, MAX_LENGTH),
                        Importance.LOW, "Length of the random initial password a new Active Directory user gets"
                                + " when its event carries none. Nobody is told this password: an administrator"
                                + " resets it, or a later event carries the real one.",
                        Width.SHORT, "Initial password length")
                .define(PASSWORD_CHARACTER_CLASSES, Type.LIST, List.of("lowercase", "uppercase", "digit", "symbol"),
                        new ComplexCharacterClasses(), Importance.LOW, "Character classes every random initial"
                                + " password contains at least one character of: lowercase, uppercase, digit,"
                                + " symbol. At least three, as Active Directory's password complexity rule wants.",
                        Width.MEDIUM, "Initial password character classes", CHARACTER_CLASSES);
        return def;
    }

    /** The policy of random initial passwords the {@code ad.password.*} keys of {@code config} describe. */
    public static PasswordPolicy passwordPolicy(AbstractConfig config) {
        Set<CharacterClass> classes = EnumSet.noneOf(CharacterClass.class);
        config.getList(PASSWORD_CHARACTER_CLASSES).forEach(name -> classes.add(CHARACTER_CLASSES.parse(name)));
        return new PasswordPolicy(config.getInt(PASSWORD_LENGTH), classes);
    }
}
