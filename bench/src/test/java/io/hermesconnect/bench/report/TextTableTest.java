package io.hermesconnect.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void alignsTheFirstColumnLeftAndTheOthersRightUnderARule() {
        String table = new TextTable("workload", "events/s").row("small", "1,234").row("bulk", null).toString();

        assertThat(table).isEqualTo("""
                workload  events/s
                --------  --------
                small        1,234
                bulk             -
                """);
    }

    @Test
    void writesMarkdownWithTheFirstColumnLeftAndTheOthersRight() {
        String table = new TextTable("case", "poll s").row("users-100000", "9.41").row("merge", null).markdown();

        assertThat(table).isEqualTo("""
                | case | poll s |
                | --- | ---: |
                | users-100000 | 9.41 |
                | merge | - |
                """);
    }

    @Test
    void formatsNumbersWithGroupingAndTheGivenDecimals() {
        assertThat(TextTable.number(12345.678, 1)).isEqualTo("12,345.7");
        assertThat(TextTable.number(0.5, 0)).isEqualTo("1");
        assertThat(TextTable.number(null, 2)).isNull();
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        assertThatThrownBy(() -> new TextTable("a", "b").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
