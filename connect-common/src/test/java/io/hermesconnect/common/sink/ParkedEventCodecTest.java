package io.hermesconnect.common.sink;

import static io.hermesconnect.common.sink.ChangeRecords.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.common.event.ChangeEventSchemas;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.common.event.SourceInfo;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class ParkedEventCodecTest {

    private static final TopicPartition PARTITION = new TopicPartition("app", 3);

    private final ParkedEventCodec codec = new ParkedEventCodec();
    private final ChangeRecords records = new ChangeRecords(PARTITION);

    @Test
    void aParkedEventReadsBackWithItsRecordItsValuesTheirSchemasAndItsBookkeeping() {
        ChangeEventSchemas accounts = ChangeEventSchemas.builder("app", "public", "accounts")
                .column("id", Schema.INT64_SCHEMA)
                .column("balance", Decimal.builder(2).optional().build())
                .column("photo", Schema.OPTIONAL_BYTES_SCHEMA)
                .column("opened", Timestamp.builder().optional().build())
                .secretColumn("token", Schema.OPTIONAL_STRING_SCHEMA)
                .column("owner", Schema.OPTIONAL_STRING_SCHEMA)
                .primaryKey(List.of("id"))
                .foreignKey("owner", "public.users.uid")
                .build();
        Struct row = new Struct(accounts.rowSchema()).put("id", 7L).put("balance", new BigDecimal("12.30"))
                .put("photo", new byte[] {1, 2, 3}).put("opened", new Date(1_700_000_000_123L)).put("token", "t0k3n")
                .put("owner", "ann");
        Struct value = accounts.envelope(Operation.CREATE, null, row, source("accounts"), null, 1L);
        SinkRecord record = new SinkRecord("app", 3, accounts.keySchema(), accounts.key(row), value.schema(), value, 42, 1234L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME);
        SinkEvent event = SinkEventReader.read(record).orElseThrow();
        ParkedEvent parked = new ParkedEvent(event, 1000L, "refused: attribute 'balance'", 2);

        byte[] stored = codec.value(List.of(parked));
        List<ParkedEvent> decoded = codec.decode(stored);

        assertThat(codec.owner(stored)).isEqualTo(PARTITION);
        assertThat(decoded).singleElement().satisfies(back -> {
            assertThat(back.parkedAtMs()).isEqualTo(1000L);
            assertThat(back.reason()).isEqualTo("refused: attribute 'balance'");
            assertThat(back.stepsDone()).isEqualTo(2);
            assertThat(back.position()).isEqualTo("app-3@42");
            SinkRecord backRecord = (SinkRecord) back.records().get(0);
            assertThat(backRecord.key()).isEqualTo(record.key());
            assertThat(backRecord.value()).isEqualTo(record.value());
            assertThat(backRecord.timestamp()).isEqualTo(1234L);
            SinkEvent backEvent = back.event();
            assertThat(backEvent.object()).isEqualTo(event.object());
            assertThat(backEvent.operation()).isEqualTo(SinkOperation.ADD);
            assertThat(backEvent.after()).containsOnlyKeys(event.after().keySet())
                    .containsEntry("balance", new BigDecimal("12.30")).containsEntry("opened", new Date(1_700_000_000_123L));
            assertThat((byte[]) backEvent.after().get("photo")).containsExactly(1, 2, 3);
            assertThat(backEvent.secretFields()).containsExactly("token");
            assertThat(backEvent.parents()).containsExactly(user("ann"));
        });
    }

    @Test
    void aMergedEventReadsBackMergedFromTheRecordsItStandsFor() {
        FakeTarget target = new FakeTarget();
        InMemoryParkedEventStore store = new InMemoryParkedEventStore();
        ErrorQueue queue = new ErrorQueue(target, store, ForeignKeyPolicy.ON_REMOVE, RemediationMode.CONSERVATIVE,
                java.time.Duration.ZERO, (parked, reason) -> { }, new ManualClock());
        target.refused.add(user("ann"));
        queue.apply(SinkEventReader.read(records.addUser("ann", "Ann")).orElseThrow());
        queue.apply(SinkEventReader.read(records.modifyUser("ann", "Ann", "Anna")).orElseThrow());
        queue.apply(SinkEventReader.read(records.removeUser("ann", "Anna")).orElseThrow());
        List<ParkedEvent> parked = queue.parkedEvents(user("ann"));
        assertThat(parked).hasSize(2);

        List<ParkedEvent> decoded = codec.decode(codec.value(parked));

        assertThat(decoded).extracting(back -> back.event().operation()).containsExactly(SinkOperation.ADD, SinkOperation.REMOVE);
        assertThat(decoded.get(0).event().after()).containsEntry("cn", "Anna");
        assertThat(decoded.get(0).records()).hasSize(2);
        assertThat(decoded).extracting(ParkedEvent::position).containsExactlyElementsOf(
                parked.stream().map(ParkedEvent::position).toList());
    }

    @Test
    void keysAreEqualForEqualObjectsAndTellTypesApart() {
        assertThat(codec.key(new ObjectKey("t", List.of("ann", new byte[] {1}))))
                .isEqualTo(codec.key(new ObjectKey("t", List.of("ann", new byte[] {1}))));
        assertThat(new String(codec.key(new ObjectKey("t", List.of(1))), StandardCharsets.UTF_8))
                .isNotEqualTo(new String(codec.key(new ObjectKey("t", List.of(1L))), StandardCharsets.UTF_8))
                .isNotEqualTo(new String(codec.key(new ObjectKey("t", List.of("1"))), StandardCharsets.UTF_8));
        assertThat(codec.key(new ObjectKey("t", List.of(1)))).isNotEqualTo(codec.key(new ObjectKey("u", List.of(1))));
    }

    private static Struct source(String table) {
        return new SourceInfo(SourceInfo.CONNECTOR_WAL, "app", "inventory").table("public", table).struct();
    }
}
