package io.hermesconnect.transforms.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.common.event.ChangeEvent;
import io.hermesconnect.transforms.TestEvents;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class RecordVariablesTest {

    @Test
    void looksUpOnlyWhatIsAskedFor() {
        SourceRecord record = TestEvents.create(TestEvents.alice());
        RecordVariables variables = new RecordVariables(record, ChangeEvent.of(record));
        assertThat(variables.resolve(Set.of("op", "table"))).containsOnly(Map.entry("op", "c"), Map.entry("table", "public.users"));
        assertThat(variables.resolve(Set.of("before"))).containsKeys("op", "table", "before").containsEntry("before", null);
    }

    @Test
    void changeEventVariablesAreNullForOtherRecords() {
        SourceRecord record = TestEvents.tombstone(1);
        Map<String, Object> resolved = new RecordVariables(record, null).resolve(Set.copyOf(RecordVariables.NAMES));
        assertThat(resolved).containsEntry("after", null).containsEntry("op", null).containsEntry("value", null)
                .containsEntry("topic", "app.public.users").containsEntry("key", record.key()).containsEntry("headers", Map.of());
    }
}
