package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultFilterTest {

    @Test
    void replacesNone() {
        assertThat(Render.withValue("{{ value | default('x') }}", null)).isEqualTo("x");
        assertThat(Render.withValue("{{ value | d('x') }}", null)).isEqualTo("x");
        assertThat(Render.withValue("{{ value | default }}", null)).isEqualTo("");
    }

    @Test
    void keepsOtherValuesEvenFalsyOnes() {
        assertThat(Render.withValue("{{ value | default('x') }}", "")).isEqualTo("");
        assertThat(Render.withValue("{{ value | default('x') }}", 0)).isEqualTo(0);
        assertThat(Render.withValue("{{ value | default('x') }}", false)).isEqualTo(false);
    }

    @Test
    void replacesFalsyValuesWhenAsked() {
        assertThat(Render.withValue("{{ value | default('x', true) }}", "")).isEqualTo("x");
        assertThat(Render.withValue("{{ value | default('x', boolean=true) }}", List.of())).isEqualTo("x");
        assertThat(Render.withValue("{{ value | default(default_value='x', boolean=true) }}", 0)).isEqualTo("x");
        assertThat(Render.withValue("{{ value | default('x', true) }}", "y")).isEqualTo("y");
    }

    @Test
    void returnsTheFallbackWithItsType() {
        assertThat(Render.withValue("{{ value | default(0) }}", null)).isEqualTo(0L);
        assertThat(Render.withValue("{{ value | default([]) }}", null)).isEqualTo(List.of());
        assertThat(Render.withValue("{{ value | default(none) }}", null)).isNull();
        assertThat(Render.withValue("{{ value | default(false) }}", null)).isEqualTo(false);
    }
}
