package io.hermesconnect.source.wal.offset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.apache.kafka.connect.source.SourceRecord;

class CommitTrackerTest {

    private static SourceRecord record(long lsn, long event) {
        return new SourceRecord(WalOffset.partition("app"), WalOffset.streaming(lsn, event, 1), "t", null, null);
    }

    @Test
    void confirmsOnlyTheAcknowledgedPrefix() {
        CommitTracker tracker = new CommitTracker();
        SourceRecord a = record(100, 1);
        SourceRecord b = record(200, 1);
        SourceRecord c = record(300, 1);
        tracker.submitted(a);
        tracker.submitted(b);
        tracker.submitted(c);

        tracker.acknowledged(c); // another partition was faster
        assertThat(tracker.safeLsn()).isZero();
        tracker.acknowledged(a);
        assertThat(tracker.safeLsn()).isEqualTo(100);
        tracker.acknowledged(b);
        assertThat(tracker.safeLsn()).isEqualTo(300);
        assertThat(tracker.isEmpty()).isTrue();
    }

    @Test
    void snapshotRecordsConfirmNothing() {
        CommitTracker tracker = new CommitTracker();
        SourceRecord snapshot = new SourceRecord(WalOffset.partition("app"), WalOffset.snapshot(500, ""), "t", null, null);
        tracker.submitted(snapshot);
        tracker.acknowledged(snapshot);
        assertThat(tracker.safeLsn()).isZero();
    }

    @Test
    void readsBackWhatRecordsStore() {
        assertThat(WalOffset.read(null)).isNull();
        assertThat(WalOffset.read(Map.of("lsn", 42L, "event", 3L))).isEqualTo(new WalOffset(42, 3, false, java.util.Set.of()));
        String done = WalOffset.encodeTables(java.util.List.of("public.a", "odd,schema.b"));
        WalOffset snapshot = WalOffset.read(WalOffset.snapshot(7, done));
        assertThat(snapshot.snapshot()).isTrue();
        assertThat(snapshot.snapshotDone()).containsExactlyInAnyOrder("public.a", "odd,schema.b");
    }
}
