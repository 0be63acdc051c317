package io.hermesconnect.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static CommandLine parse(String... args) {
        return new CommandLine(args, Set.of("rows", "list", "seconds"), Set.of("quick"), "worker.", "usage");
    }

    @Test
    void readsValuesFlagsAndPassThroughOptions() {
        CommandLine line = parse("--rows=1_000", "--quick", "--worker.producer.linger.ms=5", "--seconds=2.5");

        assertThat(line.number("rows", 7, 1)).isEqualTo(1000);
        assertThat(line.flag("quick")).isTrue();
        assertThat(line.decimal("seconds", 1)).isEqualTo(2.5);
        assertThat(line.passThrough()).isEqualTo(Map.of("producer.linger.ms", "5"));
    }

    @Test
    void absentOptionsTakeTheirDefaults() {
        CommandLine line = parse();

        assertThat(line.number("rows", 7, 1)).isEqualTo(7);
        assertThat(line.flag("quick")).isFalse();
        assertThat(line.list("list", List.of("a", "b"))).containsExactly("a", "b");
        assertThat(line.string("rows", "x")).isEqualTo("x");
    }

    @Test
    void listsKeepTheGivenOrderAndRejectUnknownItems() {
        assertThat(parse("--list=b,a,b").list("list", List.of("a", "b"))).containsExactly("b", "a");
        assertThatThrownBy(() -> parse("--list=c").list("list", List.of("a", "b")))
                .hasMessageContaining("--list takes some of [a, b], not c");
    }

    @Test
    void rejectsUnknownOptionsBadNumbersAndValuesBelowTheMinimum() {
        assertThatThrownBy(() -> parse("--nope=1")).hasMessageStartingWith("unknown option: --nope=1");
        assertThatThrownBy(() -> parse("rows=1")).hasMessageStartingWith("not an option: rows=1");
        assertThatThrownBy(() -> parse("--rows=many").number("rows", 1, 1)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> parse("--rows=0").number("rows", 1, 1)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> parse("--seconds=-1").decimal("seconds", 1)).hasMessageContaining("positive");
        assertThatThrownBy(() -> parse("--quick=yes")).hasMessageStartingWith("unknown option");
    }
}
