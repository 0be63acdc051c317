package io.hermesconnect.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.junit.jupiter.api.Test;

class PluginConfigTest {

    private enum Mode { FAST, SAFE }

    private static final EnumChoice<Mode> MODES = EnumChoice.of(Mode.class);

    private static final ConfigDef DEFINITION = new GroupedConfigDef()
            .group("Connection")
                .define("user", Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.HIGH, "The user.", Width.SHORT, "User")
                .define("password", Type.PASSWORD, null, null, Importance.HIGH, "The password.", Width.SHORT, "Password")
                .define("mode", Type.STRING, "fast", MODES, Importance.LOW, "The mode.", Width.SHORT, "Mode", MODES)
            .configDef();

    /** What a module's typed config looks like. */
    private static final class SampleConfig extends PluginConfig {
        SampleConfig(Map<?, ?> originals) {
            super(DEFINITION, originals);
        }

        String connectionPassword() {
            return password("password");
        }

        Mode mode() {
            return getEnum("mode", MODES);
        }
    }

    @Test
    void hidesPasswordsInToString() {
        SampleConfig config = new SampleConfig(Map.of("user", "ada", "password", "hunter2-secret"));

        assertThat(config.toString())
                .isEqualTo("SampleConfig{mode=fast, password=[hidden], user=ada}")
                .doesNotContain("hunter2-secret");
        assertThat(config.values().toString()).doesNotContain("hunter2-secret");
    }

    @Test
    void revealsAPasswordOnlyWhenAskedFor() {
        assertThat(new SampleConfig(Map.of("user", "ada", "password", "hunter2-secret")).connectionPassword()).isEqualTo("hunter2-secret");
        assertThat(new SampleConfig(Map.of("user", "ada")).connectionPassword()).isNull();
    }

    @Test
    void parsesEnumChoices() {
        assertThat(new SampleConfig(Map.of("user", "ada", "mode", "SAFE")).mode()).isEqualTo(Mode.SAFE);
        assertThat(new SampleConfig(Map.of("user", "ada")).mode()).isEqualTo(Mode.FAST);
    }
}
