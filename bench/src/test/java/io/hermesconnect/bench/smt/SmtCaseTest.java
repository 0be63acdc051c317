package io.hermesconnect.bench.smt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Every case's chains configure and run over the sample events, and drop what the README says they drop. */
class SmtCaseTest {

    @Test
    void theBuiltInChainsKeepEveryEvent() {
        for (SmtCase smtCase : SmtCase.values()) {
            assertThat(smtCase.keptPercent(SmtCase.CONNECT)).as(smtCase.id()).isEqualTo(100);
        }
    }

    @Test
    void ourFiltersDropWhatTheirRulesSay() {
        assertThat(SmtCase.FILTER_TABLES.keptPercent(SmtCase.HERMES)).isEqualTo(100);
        // inactive users (every third) among creates and updates (19 of 20 events)
        assertThat(SmtCase.FILTER_JINJA.keptPercent(SmtCase.HERMES)).isCloseTo(100 - 95.0 / 3, within(0.5));
        // two departments of five among creates and updates: 7 events of every 20
        assertThat(SmtCase.FILTER_MEMBERSHIP.keptPercent(SmtCase.HERMES)).isCloseTo(65, within(0.1));
    }

    @Test
    void ourMappingsKeepEveryEvent() {
        for (SmtCase smtCase : new SmtCase[] {SmtCase.MAPPING_TEMPLATES, SmtCase.MAPPING_RENAMES,
                SmtCase.ENVELOPE_TEMPLATES, SmtCase.ENVELOPE_RENAMES}) {
            assertThat(smtCase.keptPercent(SmtCase.HERMES)).as(smtCase.id()).isEqualTo(100);
        }
    }

    @Test
    void casesAreFoundByTheirIds() {
        assertThat(SmtCase.forId("filter-membership")).isEqualTo(SmtCase.FILTER_MEMBERSHIP);
        assertThat(SmtCase.FILTER_MEMBERSHIP.work(SmtCase.HERMES)).contains("in / not in / default");
    }
}
