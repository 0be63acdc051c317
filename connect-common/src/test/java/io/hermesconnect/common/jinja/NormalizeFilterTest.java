package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizeFilterTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            Élodie Müller,  Elodie Muller
            François Noël,  Francois Noel
            Ångström,       Angstrom
            Dvořák,         Dvorak
            ﬁne,            fine
            plain,          plain
            """)
    void stripsAccentsAndDiacritics(String text, String expected) {
        assertThat(Render.withValue("{{ value | normalize }}", text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", textBlock = "none")
    void leavesNoneAlone(String none) {
        assertThat(Render.withValue("{{ value | normalize }}", none)).isNull();
    }
}
