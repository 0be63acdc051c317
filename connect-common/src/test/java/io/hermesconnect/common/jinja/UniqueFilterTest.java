package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UniqueFilterTest {

    @Test
    void dropsDuplicatesKeepingFirstSeenOrder() {
        assertThat(Render.withValue("{{ value | unique }}", List.of("b", "a", "b", "c", "a"))).isEqualTo(List.of("b", "a", "c"));
        assertThat(Render.withValue("{{ [3, 1, 3, 2, 1] | unique }}", null)).isEqualTo(List.of(3L, 1L, 2L));
    }

    @Test
    void comparesExactly() {
        assertThat(Render.withValue("{{ value | unique }}", List.of("Admin", "admin"))).isEqualTo(List.of("Admin", "admin"));
    }

    @Test
    void acceptsAnyCollectionAndArrays() {
        assertThat(Render.withValue("{{ value | unique }}", Set.of("x"))).isEqualTo(List.of("x"));
        assertThat(Render.withValue("{{ value | unique }}", new String[] {"x", "y", "x"})).isEqualTo(List.of("x", "y"));
    }

    @Test
    void leavesNoneAloneAndRejectsScalars() {
        assertThat(Render.withValue("{{ value | unique }}", null)).isNull();
        assertThatThrownBy(() -> Render.withValue("{{ value | unique }}", "abc")).hasMessageContaining("unique: expects a list");
    }
}
