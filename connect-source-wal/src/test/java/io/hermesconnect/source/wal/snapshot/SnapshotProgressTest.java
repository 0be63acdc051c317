package io.hermesconnect.source.wal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.common.event.SourceInfo.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class SnapshotProgressTest {

    private final List<SourceRecord> out = new ArrayList<>();

    /** A record whose topic names the row and whose offset holds its marker and the tables done before it. */
    private static SnapshotProgress.PendingRecord row(String name) {
        return (done, marker) -> new SourceRecord(Map.of(), Map.of("marker", marker.value(), "done", done), name, null, null);
    }

    @Test
    void marksTheSnapshotsFirstAndLastAndEachTablesFirstAndLastAsDebeziumDoes() {
        SnapshotProgress progress = new SnapshotProgress(Set.of(), 3, out::add);
        progress.emit("public.a", row("a1"));
        progress.emit("public.b", row("b1"));
        progress.emit("public.a", row("a2"));
        progress.emit("public.b", row("b2"));
        progress.emit("public.a", row("a3"));
        progress.emit("public.b", row("b3"));
        progress.finish("public.a");
        progress.emit("public.c", row("c1"));
        progress.finish("public.b");
        progress.finish("public.c");

        assertThat(out).extracting(r -> r.topic() + "=" + r.sourceOffset().get("marker")).containsExactly(
                "a1=first", "b1=first_in_data_collection", "a2=true", "b2=true", "a3=last_in_data_collection",
                "b3=last_in_data_collection", "c1=last");
        assertThat(markerOf("a3")).isEqualTo(Snapshot.LAST_IN_DATA_COLLECTION.value());
        assertThat(doneOf("b2")).doesNotContain("public.a");
        assertThat(doneOf("a3")).contains("public.a");
        assertThat(doneOf("c1")).contains("public.a", "public.b", "public.c");
    }

    @Test
    void theLastRecordIsMarkedLastEvenWhenTheLastTableIsEmpty() {
        SnapshotProgress progress = new SnapshotProgress(Set.of(), 2, out::add);
        progress.emit("public.a", row("a1"));
        progress.finish("public.a");
        progress.finish("public.empty");

        assertThat(out).extracting(r -> r.topic() + "=" + r.sourceOffset().get("marker"))
                .containsExactly("a1=last");
    }

    private Object markerOf(String name) {
        return out.stream().filter(r -> r.topic().equals(name)).findFirst().orElseThrow().sourceOffset().get("marker");
    }

    private String doneOf(String name) {
        return (String) out.stream().filter(r -> r.topic().equals(name)).findFirst().orElseThrow().sourceOffset().get("done");
    }
}
