package io.hermesconnect.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The validators' checks and the "valid values" text their {@code toString()} puts in the docs. */
class ValidatorsTest {

    private enum SnapshotMode { INITIAL, NEVER, INITIAL_ONLY }

    private enum TopicRouting implements EnumChoice.Hyphenated { PER_TABLE, SINGLE }

    @Test
    void nonEmptyStringWantsText() {
        NonEmptyString validator = new NonEmptyString();

        assertThatCode(() -> validator.ensureValid("k", "x")).doesNotThrowAnyException();
        for (Object bad : new Object[] {null, "", "  "}) {
            assertThatThrownBy(() -> validator.ensureValid("k", bad)).isInstanceOf(ConfigException.class).hasMessageContaining("must not be empty");
        }
        assertThat(validator).hasToString("non-empty string");
    }

    @Test
    void enumChoiceAcceptsConstantNamesInAnyCase() {
        EnumChoice<SnapshotMode> choice = EnumChoice.of(SnapshotMode.class);

        for (String good : new String[] {"initial", "INITIAL_ONLY", "Never", " never "}) {
            assertThatCode(() -> choice.ensureValid("snapshot.mode", good)).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> choice.ensureValid("snapshot.mode", null)).as("an explicit null replaces the default")
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> choice.ensureValid("snapshot.mode", "always"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("snapshot.mode")
                .hasMessageContaining("must be one of initial, never, initial_only (case-insensitive)");
        assertThat(choice).hasToString("one of initial, never, initial_only (case-insensitive)");
    }

    @Test
    void enumChoiceParsesAndRecommends() {
        EnumChoice<SnapshotMode> choice = EnumChoice.of(SnapshotMode.class);

        assertThat(choice.parse("Initial_Only")).isEqualTo(SnapshotMode.INITIAL_ONLY);
        assertThat(choice.parse(null)).isNull();
        assertThatThrownBy(() -> choice.parse("always")).isInstanceOf(IllegalArgumentException.class);
        assertThat(choice.validValues("snapshot.mode", Map.of())).containsExactly("initial", "never", "initial_only");
        assertThat(choice.visible("snapshot.mode", Map.of())).isTrue();
        assertThat(EnumChoice.nameOf(SnapshotMode.INITIAL_ONLY)).isEqualTo("initial_only");
    }

    @Test
    void hyphenatedEnumChoiceIsSpelledWithHyphensOnly() {
        EnumChoice<TopicRouting> choice = EnumChoice.of(TopicRouting.class);

        assertThat(choice.parse(" Per-Table ")).isEqualTo(TopicRouting.PER_TABLE);
        assertThatCode(() -> choice.ensureValid("topic.routing", "PER-TABLE")).doesNotThrowAnyException();
        assertThatThrownBy(() -> choice.ensureValid("topic.routing", "per_table")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> choice.parse("per_table")).isInstanceOf(IllegalArgumentException.class);
        assertThat(choice.validValues("topic.routing", Map.of())).containsExactly("per-table", "single");
        assertThat(choice).hasToString("one of per-table, single (case-insensitive)");
        assertThat(EnumChoice.nameOf(TopicRouting.PER_TABLE)).isEqualTo("per-table");
    }

    @Test
    void regexPatternMustCompile() {
        RegexPattern validator = new RegexPattern();

        assertThatCode(() -> validator.ensureValid("k", "public\\..*")).doesNotThrowAnyException();
        assertThatCode(() -> validator.ensureValid("k", null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> validator.ensureValid("table.exclude", "(unclosed"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("table.exclude")
                .hasMessageContaining("is not a valid regular expression: Unclosed group");
        assertThat(validator).hasToString("a Java regular expression");
    }

    @Test
    void jinjaTemplateMustCompileAndReportsTheEnginesMessage() {
        JinjaTemplateValidator validator = new JinjaTemplateValidator();

        assertThatCode(() -> validator.ensureValid("k", "{{ after.cn | lower }}")).doesNotThrowAnyException();
        assertThatCode(() -> validator.ensureValid("k", null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> validator.ensureValid("attrs.cn", "{{ after.cn | nosuch }}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value for configuration attrs.cn: Invalid template '{{ after.cn | nosuch }}': "
                        + "unknown filter 'nosuch' (line 1, column 1)");
        assertThat(validator).hasToString("a Jinja template");
    }

    @Test
    void uniqueNamesWantsDistinctNamesWithoutDots() {
        UniqueNames any = UniqueNames.any();
        UniqueNames atLeastOne = UniqueNames.atLeastOne();

        assertThatCode(() -> any.ensureValid("types", List.of("Users", "Groups_2", "group-members"))).doesNotThrowAnyException();
        assertThatCode(() -> any.ensureValid("types", List.of())).doesNotThrowAnyException();
        assertThatCode(() -> any.ensureValid("types", null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> atLeastOne.ensureValid("types", List.of())).hasMessageContaining("must name at least one");
        assertThatThrownBy(() -> any.ensureValid("types", List.of("Users", "Users"))).hasMessageContaining("'Users' is listed twice");
        assertThatThrownBy(() -> any.ensureValid("types", List.of("a.b"))).hasMessageContaining("'a.b' is not a valid name");
        assertThatThrownBy(() -> any.ensureValid("types", List.of(""))).hasMessageContaining("'' is not a valid name");
        assertThatThrownBy(() -> any.ensureValid("types", "Users")).hasMessageContaining("must be a comma-separated list");
        assertThat(any).hasToString("comma-separated list of unique names (letters, digits, '_' and '-')");
        assertThat(atLeastOne).hasToString("non-empty comma-separated list of unique names (letters, digits, '_' and '-')");
    }
}
