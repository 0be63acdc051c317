package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.common.testing.CountingSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code in} and {@code not in}: Jinjava's semantics (the value converted to the type of the container's first element,
 * then the container's own look-up) on both paths, so that a key set answers with a hash look-up, never a scan.
 */
class MembershipTest {

    private static final JinjaEngine ENGINE = new JinjaEngine();

    @Test
    void membershipInAMillionKeysIsOneLookUpOnBothPaths() {
        Set<Object> keys = new HashSet<>();
        for (long key = 0; key < 1_000_000; key++) {
            keys.add(key);
        }
        CountingSet pkeys = new CountingSet(keys);
        Template constraint = ENGINE.compile("{{ _SELF.user_id in Users_pkeys }}");
        Template negated = ENGINE.compile("{{ _SELF.user_id not in Users_pkeys }}");

        // an Integer id among Long keys: converted to the keys' type, as Jinjava converts it
        for (Supplier<Object> render : List.<Supplier<Object>>of(
                () -> constraint.renderDirect(row(999_999, pkeys)), () -> constraint.renderWithJinjava(row(999_999, pkeys)),
                () -> negated.renderDirect(row(1_000_000, pkeys)), () -> negated.renderWithJinjava(row(1_000_000, pkeys)))) {
            pkeys.resetCounts();

            assertThat(render.get()).isEqualTo(true);
            assertThat(pkeys.lookups()).isEqualTo(1);
            // Jinjava's operator reads the first key for its type, the set view one for whether keys are plain
            assertThat(pkeys.elementsRead()).as("keys read, not scanned").isLessThanOrEqualTo(2);
        }
    }

    private static Map<String, Object> row(Object userId, Set<Object> pkeys) {
        return Map.of("_SELF", Map.of("user_id", userId), "Users_pkeys", pkeys);
    }

    @Test
    void aSetAnswersAsAListOfTheSameElements() {
        List<List<Object>> containers = List.of(List.of(1L, 2L, 5L), List.of(1, 5), List.of("a", "5", "b"), List.of(true),
                List.of(2.5, 5.0));
        List<Object> values = Arrays.asList(5, 5L, 5.0, 5.5, "5", "a", "x", true, false, null, 2.5f);
        for (List<Object> elements : containers) {
            for (Object value : values) {
                Map<String, Object> asList = new HashMap<>();
                asList.put("x", value);
                asList.put("c", elements);
                Map<String, Object> asSet = new HashMap<>(asList);
                asSet.put("c", new LinkedHashSet<>(elements));
                Template template = ENGINE.compile("{{ x in c }}");

                Object expected = template.renderWithJinjava(asList);
                assertThat(template.renderWithJinjava(asSet)).as("%s in %s", value, elements).isEqualTo(expected);
                assertThat(template.render(asSet)).as("%s in %s", value, elements).isEqualTo(expected);
            }
        }
    }

    @Test
    void followsJinjavasConversions() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("longs", Set.of(5L, 6L));
        variables.put("texts", new TreeSet<>(Set.of("5", "ab")));
        variables.put("users", Map.of("ada", 1, "bob", 2));
        variables.put("name", "Ada Lovelace");
        variables.put("nothing", null);
        variables.put("uuids", Set.of(new UUID(0, 1), new UUID(0, 2)));

        Function<String, Object> render = expression -> {
            Template template = ENGINE.compile("{{ " + expression + " }}");
            Object direct = template.renderDirect(variables);
            assertThat(direct).as(expression).isNotSameAs(DirectExpression.UNHANDLED).isEqualTo(template.renderWithJinjava(variables));
            return direct;
        };
        assertThat(render.apply("5 in longs")).isEqualTo(true);
        assertThat(render.apply("'5' in longs")).as("text converts to the keys' type").isEqualTo(true);
        assertThat(render.apply("7 in longs")).isEqualTo(false);
        assertThat(render.apply("5 in texts")).as("a number converts to text").isEqualTo(true);
        assertThat(render.apply("nothing in texts")).as("a TreeSet refuses none: not held").isEqualTo(false);
        assertThat(render.apply("'ada' in users")).as("a map's keys").isEqualTo(true);
        assertThat(render.apply("'carl' not in users")).isEqualTo(true);
        assertThat(render.apply("'Love' in name")).as("a substring").isEqualTo(true);
        assertThat(render.apply("'love' in name")).isEqualTo(false);
        assertThat(render.apply("'x' in nothing")).as("nothing holds nothing").isEqualTo(false);
        assertThat(render.apply("'00000000-0000-0000-0000-000000000002' in uuids")).as("keys seen as their text").isEqualTo(true);
        assertThat(render.apply("'00000000-0000-0000-0000-000000000003' in uuids")).isEqualTo(false);
    }
}
