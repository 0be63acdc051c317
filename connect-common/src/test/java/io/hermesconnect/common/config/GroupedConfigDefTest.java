package io.hermesconnect.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.junit.jupiter.api.Test;

class GroupedConfigDefTest {

    private enum Mode { FAST, SAFE }

    private static final EnumChoice<Mode> MODES = EnumChoice.of(Mode.class);

    @Test
    void numbersKeysInEachGroupAndFillsEveryField() {
        NonEmptyString nonEmpty = new NonEmptyString();
        ConfigDef def = new GroupedConfigDef()
                .group("Connection")
                    .define("host", Type.STRING, ConfigDef.NO_DEFAULT_VALUE, nonEmpty, Importance.HIGH, "The host.", Width.MEDIUM, "Host")
                    .define("port", Type.INT, 5432, null, Importance.MEDIUM, "The port.", Width.SHORT, "Port")
                .group("Behaviour")
                    .define("mode", Type.STRING, "fast", MODES, Importance.LOW, "The mode.", Width.SHORT, "Mode", MODES)
                .group("Connection")
                    .define("timeout.ms", Type.LONG, 1000L, null, Importance.LOW, "The time-out.", Width.SHORT, "Time-out")
                .configDef();

        assertThat(def.groups()).containsExactly("Connection", "Behaviour");
        ConfigKey host = def.configKeys().get("host");
        assertThat(host.group).isEqualTo("Connection");
        assertThat(host.orderInGroup).isEqualTo(1);
        assertThat(host.type).isEqualTo(Type.STRING);
        assertThat(host.hasDefault()).isFalse();
        assertThat(host.validator).isSameAs(nonEmpty);
        assertThat(host.importance).isEqualTo(Importance.HIGH);
        assertThat(host.documentation).isEqualTo("The host.");
        assertThat(host.width).isEqualTo(Width.MEDIUM);
        assertThat(host.displayName).isEqualTo("Host");
        assertThat(host.recommender).isNull();
        assertThat(def.configKeys().get("port").orderInGroup).isEqualTo(2);
        assertThat(def.configKeys().get("mode").orderInGroup).isEqualTo(1);
        assertThat(def.configKeys().get("mode").recommender).isSameAs(MODES);
        assertThat(def.configKeys().get("timeout.ms").orderInGroup).isEqualTo(3);
        assertThat(def.configKeys().get("timeout.ms").group).isEqualTo("Connection");
    }

    @Test
    void continuesTheNumberingOfAnExistingDefinition() {
        ConfigDef base = new GroupedConfigDef()
                .group("Connection")
                    .define("host", Type.STRING, "localhost", null, Importance.HIGH, "The host.", Width.MEDIUM, "Host")
                .configDef();

        ConfigDef extended = new GroupedConfigDef(new ConfigDef(base))
                .group("Connection")
                    .define("port", Type.INT, 5432, null, Importance.MEDIUM, "The port.", Width.SHORT, "Port")
                .configDef();

        assertThat(extended.configKeys().get("port").orderInGroup).isEqualTo(2);
        assertThat(base.names()).isEqualTo(Set.of("host"));
        assertThat(ConfigDefLint.problems(extended)).isEqualTo(List.of());
    }
}
