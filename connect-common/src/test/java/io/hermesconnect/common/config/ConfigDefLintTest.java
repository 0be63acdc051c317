package io.hermesconnect.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.junit.jupiter.api.Test;

class ConfigDefLintTest {

    private enum Mode { A, B }

    @Test
    void acceptsFullyDefinedKeys() {
        ConfigDef def = new GroupedConfigDef()
                .group("Connection")
                    .define("host", Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.HIGH, "The host.", Width.MEDIUM, "Host")
                    .define("port", Type.INT, 1, null, Importance.LOW, "The port.", Width.SHORT, "Port")
                .configDef()
                .defineInternal("internal", Type.STRING, null, Importance.LOW);

        assertThat(ConfigDefLint.problems(def)).isEmpty();
    }

    @Test
    void findsWhatIsMissing() {
        EnumChoice<Mode> modes = EnumChoice.of(Mode.class);
        ConfigDef def = new ConfigDef()
                .define("bare", Type.INT, 1, Importance.LOW, "")
                .define("required", Type.STRING, ConfigDef.NO_DEFAULT_VALUE, null, Importance.HIGH, "Needed.", "G", 1, Width.SHORT, "Required")
                .define("copy", Type.INT, 1, null, Importance.LOW, "A copy.", "G", 2, Width.SHORT, "Required")
                .define("mode", Type.STRING, "a", null, Importance.LOW, "The mode.", "G", 3, Width.SHORT, "Mode", modes);

        assertThat(ConfigDefLint.problems(def)).containsExactly(
                "'bare' has no documentation",
                "'bare' has no display name",
                "'bare' has no group",
                "'required' is a required string without a validator: an empty value would pass",
                "'copy' has the display name 'Required' of 'required'",
                "'mode' recommends values but has no validator to enforce them");
    }
}
