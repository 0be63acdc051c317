package io.hermesconnect.common.sink;

import static io.hermesconnect.common.sink.SinkEvents.add;
import static io.hermesconnect.common.sink.SinkEvents.fields;
import static io.hermesconnect.common.sink.SinkEvents.modify;
import static io.hermesconnect.common.sink.SinkEvents.remove;
import static io.hermesconnect.common.sink.SinkEvents.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.common.sink.Remediation.Outcome;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemediationTest {

    /** Every mode and every pair: HERMES.md section 2, including the pairs that cannot happen. */
    @ParameterizedTest(name = "{0}: {1} + {2} -> {3}")
    @CsvSource({
        "DISABLED,     ADD,    ADD,    KEEP_BOTH",
        "DISABLED,     ADD,    MODIFY, KEEP_BOTH",
        "DISABLED,     ADD,    REMOVE, KEEP_BOTH",
        "DISABLED,     MODIFY, ADD,    KEEP_BOTH",
        "DISABLED,     MODIFY, MODIFY, KEEP_BOTH",
        "DISABLED,     MODIFY, REMOVE, KEEP_BOTH",
        "DISABLED,     REMOVE, ADD,    KEEP_BOTH",
        "DISABLED,     REMOVE, MODIFY, KEEP_BOTH",
        "DISABLED,     REMOVE, REMOVE, KEEP_BOTH",
        "CONSERVATIVE, ADD,    ADD,    IMPOSSIBLE",
        "CONSERVATIVE, ADD,    MODIFY, MERGE",
        "CONSERVATIVE, ADD,    REMOVE, KEEP_BOTH",
        "CONSERVATIVE, MODIFY, ADD,    IMPOSSIBLE",
        "CONSERVATIVE, MODIFY, MODIFY, MERGE",
        "CONSERVATIVE, MODIFY, REMOVE, KEEP_BOTH",
        "CONSERVATIVE, REMOVE, ADD,    KEEP_BOTH",
        "CONSERVATIVE, REMOVE, MODIFY, IMPOSSIBLE",
        "CONSERVATIVE, REMOVE, REMOVE, IMPOSSIBLE",
        "MAXIMUM,      ADD,    ADD,    IMPOSSIBLE",
        "MAXIMUM,      ADD,    MODIFY, MERGE",
        "MAXIMUM,      ADD,    REMOVE, DROP_BOTH",
        "MAXIMUM,      MODIFY, ADD,    IMPOSSIBLE",
        "MAXIMUM,      MODIFY, MODIFY, MERGE",
        "MAXIMUM,      MODIFY, REMOVE, MERGE",
        "MAXIMUM,      REMOVE, ADD,    MERGE",
        "MAXIMUM,      REMOVE, MODIFY, IMPOSSIBLE",
        "MAXIMUM,      REMOVE, REMOVE, IMPOSSIBLE",
    })
    void everyPairHasItsOutcome(RemediationMode mode, SinkOperation first, SinkOperation second, Outcome expected) {
        assertThat(Remediation.outcome(mode, first, second)).isEqualTo(expected);
    }

    @Test
    void addedThenModifiedIsOneAddWithTheChanges() {
        SinkEvent added = add(user("ann"), "cn", "Ann", "mail", "a@x", "bio", "long text");
        SinkEvent modified = modify(user("ann"), fields("cn", "Ann", "mail", "a@x"), fields("cn", "Anna", "mail", "a@x"),
                Set.of("bio"));

        SinkEvent merged = Remediation.merge(added, modified);

        assertThat(merged.operation()).isEqualTo(SinkOperation.ADD);
        assertThat(merged.before()).isNull();
        assertThat(merged.after()).containsExactlyEntriesOf(fields("cn", "Anna", "mail", "a@x", "bio", "long text"));
        assertThat(merged.unchanged()).as("the add sent bio").isEmpty();
        assertThat(merged.record()).isSameAs(modified.record());
    }

    @Test
    void twoModifiesCombineAndAnAttributeAddedThenRemovedVanishes() {
        SinkEvent first = modify(user("ann"), fields("cn", "Ann"), fields("cn", "Ann", "phone", "123"), Set.of("bio"));
        SinkEvent second = modify(user("ann"), fields("cn", "Ann", "phone", "123"), fields("cn", "Anne"), Set.of("bio", "photo"));

        SinkEvent merged = Remediation.merge(first, second);

        assertThat(merged.operation()).isEqualTo(SinkOperation.MODIFY);
        assertThat(merged.before()).containsExactlyEntriesOf(fields("cn", "Ann"));
        assertThat(merged.after()).containsExactlyEntriesOf(fields("cn", "Anne"));
        assertThat(merged.unchanged()).containsExactlyInAnyOrder("bio", "photo");
    }

    @Test
    void aFieldTheSecondLeftUnchangedKeepsTheFirstsChange() {
        SinkEvent first = modify(user("ann"), fields("bio", "old"), fields("bio", "new"), Set.of());
        SinkEvent second = modify(user("ann"), fields(), fields("cn", "Anne"), Set.of("bio"));

        SinkEvent merged = Remediation.merge(first, second);

        assertThat(merged.after()).containsExactlyEntriesOf(fields("cn", "Anne", "bio", "new"));
        assertThat(merged.unchanged()).isEmpty();
    }

    @Test
    void removedThenAddedIsAModifyFromWhatTheTargetHas() {
        SinkEvent removed = remove(user("ann"), "cn", "Ann", "phone", "123");
        SinkEvent added = add(user("ann"), "cn", "Ann", "mail", "a@x");

        SinkEvent merged = Remediation.merge(removed, added);

        assertThat(merged.operation()).isEqualTo(SinkOperation.MODIFY);
        assertThat(merged.before()).containsExactlyEntriesOf(fields("cn", "Ann", "phone", "123"));
        assertThat(merged.after()).containsExactlyEntriesOf(fields("cn", "Ann", "mail", "a@x"));
    }

    @Test
    void modifiedThenRemovedIsARemoveOfWhatTheTargetHas() {
        SinkEvent modified = modify(user("ann"), fields("cn", "Ann"), fields("cn", "Anna"), Set.of());
        SinkEvent removed = remove(user("ann"), "cn", "Anna");

        SinkEvent merged = Remediation.merge(modified, removed);

        assertThat(merged.operation()).isEqualTo(SinkOperation.REMOVE);
        assertThat(merged.before()).containsExactlyEntriesOf(fields("cn", "Ann"));
        assertThat(merged.after()).isNull();
    }
}
