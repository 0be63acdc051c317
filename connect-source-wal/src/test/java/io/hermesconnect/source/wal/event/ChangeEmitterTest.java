package io.hermesconnect.source.wal.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.common.event.ChangeEvent;
import io.hermesconnect.common.event.KeyChangeHeaders;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.common.event.SourceInfo;
import io.hermesconnect.common.event.TransactionMetadata;
import io.hermesconnect.source.wal.config.TopicRouting;
import io.hermesconnect.source.wal.convert.DecimalHandlingMode;
import io.hermesconnect.source.wal.convert.TableSchema;
import io.hermesconnect.source.wal.convert.TableSchemaFactory;
import io.hermesconnect.source.wal.convert.TestTypes;
import io.hermesconnect.source.wal.offset.WalOffset;
import io.hermesconnect.source.wal.pgoutput.RelationMessage;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class ChangeEmitterTest {

    private static final int INT4 = 23;
    private static final int TEXT = 25;
    private static final long COMMIT_LSN = 0x16_0000_0100L;

    private final TableSchema users = new TableSchemaFactory("app", TestTypes.registry(), DecimalHandlingMode.PRECISE,
            (s, t, c) -> true).fromRelation(new RelationMessage(16384, "public", "users", 'd', List.of(
                    new RelationMessage.Column("id", INT4, -1, true),
                    new RelationMessage.Column("name", TEXT, -1, false))), List.of("id"));
    private final List<SourceRecord> out = new ArrayList<>();

    private ChangeEmitter emitter(boolean tombstones, boolean transactionMetadata) {
        return new ChangeEmitter(new RecordFactory("app", TopicRouting.PER_TABLE), out::add,
                new SourceInfo(SourceInfo.CONNECTOR_WAL, "app", "db"), tombstones, transactionMetadata);
    }

    private Struct row(int id, String name) {
        return new Struct(users.schemas().rowSchema()).put("id", id).put("name", name);
    }

    @Test
    void emitsCreateUpdateDeleteAndTombstoneWithTheirPositionInTheTransaction() {
        ChangeEmitter emitter = emitter(true, false);
        emitter.begin(COMMIT_LSN, 0, 700);
        emitter.insert(700, users, row(1, "ann"));
        emitter.update(700, users, null, row(1, "anne"));
        emitter.delete(700, users, new Struct(users.schemas().rowSchema()).put("id", 1));
        emitter.commit(COMMIT_LSN, COMMIT_LSN + 40, 0);

        assertThat(out).hasSize(4);
        assertThat(out).extracting(SourceRecord::topic).containsOnly("app.public.users");
        assertThat(out.subList(0, 3)).extracting(r -> ChangeEvent.of(r).op())
                .containsExactly(Operation.CREATE, Operation.UPDATE, Operation.DELETE);
        assertThat(out.get(3).value()).isNull();
        assertThat(((Struct) out.get(3).key()).getInt32("id")).isEqualTo(1);
        assertThat(out).extracting(r -> (Object) r.sourceOffset().get(WalOffset.EVENT)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(out).extracting(r -> (Object) r.sourceOffset().get(WalOffset.LSN)).containsOnly(COMMIT_LSN);
        ChangeEvent create = ChangeEvent.of(out.get(0));
        assertThat(create.txId()).isEqualTo(700L);
        assertThat(create.source().getString(SourceInfo.SNAPSHOT)).isEqualTo("false");
        assertThat(create.sourceTsMs()).isEqualTo(946_684_800_000L);
    }

    @Test
    void skipsWhatWasEmittedBeforeTheRestart() {
        ChangeEmitter emitter = emitter(false, false);
        emitter.resumeAfter(COMMIT_LSN, 2);
        emitter.begin(COMMIT_LSN - 10, 0, 699); // committed before the stored position: all of it is in Kafka
        emitter.insert(699, users, row(9, "old"));
        emitter.commit(COMMIT_LSN - 10, COMMIT_LSN - 1, 0);
        emitter.begin(COMMIT_LSN, 0, 700);
        for (int id = 1; id <= 3; id++) {
            emitter.insert(700, users, row(id, "n" + id));
        }
        emitter.commit(COMMIT_LSN, COMMIT_LSN + 40, 0);

        assertThat(out).extracting(r -> ((Struct) r.key()).getInt32("id")).containsExactly(3);
    }

    @Test
    void resumesMidTransactionAfterAReconnect() {
        ChangeEmitter emitter = emitter(false, false);
        emitter.begin(COMMIT_LSN, 0, 700);
        emitter.insert(700, users, row(1, "a"));
        emitter.resumeAfterLastEmitted(); // the connection dropped; the server sends the transaction again
        emitter.begin(COMMIT_LSN, 0, 700);
        emitter.insert(700, users, row(1, "a"));
        emitter.insert(700, users, row(2, "b"));
        emitter.commit(COMMIT_LSN, COMMIT_LSN + 40, 0);

        assertThat(out).extracting(r -> ((Struct) r.key()).getInt32("id")).containsExactly(1, 2);
    }

    @Test
    void aChangedPrimaryKeyIsADeleteAndACreate() {
        ChangeEmitter emitter = emitter(true, false);
        emitter.begin(COMMIT_LSN, 0, 700);
        emitter.update(700, users, new Struct(users.schemas().rowSchema()).put("id", 1), row(2, "ann"));

        assertThat(out).extracting(r -> r.value() == null ? "tombstone" : ChangeEvent.of(r).op().code())
                .containsExactly("d", "tombstone", "c");
        Header newKey = out.get(0).headers().lastWithName(KeyChangeHeaders.NEW_KEY);
        assertThat(newKey.schema()).isSameAs(users.schemas().keySchema());
        assertThat(((Struct) newKey.value()).getInt32("id")).isEqualTo(2);
        assertThat(out.get(1).headers()).containsExactly(newKey);
        assertThat(out.get(2).headers()).hasSize(1);
        assertThat(((Struct) out.get(2).headers().lastWithName(KeyChangeHeaders.OLD_KEY).value()).getInt32("id")).isEqualTo(1);
    }

    @Test
    void plainChangesCarryNoHeaders() {
        ChangeEmitter emitter = emitter(true, false);
        emitter.begin(COMMIT_LSN, 0, 700);
        emitter.update(700, users, row(1, "ann"), row(1, "anne"));
        emitter.delete(700, users, row(1, "anne"));

        assertThat(out).hasSize(3).allSatisfy(r -> assertThat(r.headers()).isEmpty());
    }

    @Test
    void theSourceBlockCarriesMicrosecondCommitTimeAndTheReplicationOrigin() {
        ChangeEmitter emitter = emitter(false, false);
        emitter.begin(COMMIT_LSN, 757_382_400_123_456L, 700);
        emitter.origin(0x99, "other_node");
        emitter.insert(700, users, row(1, "a"));
        emitter.commit(COMMIT_LSN, COMMIT_LSN + 40, 0);
        emitter.begin(COMMIT_LSN + 100, 0, 701);
        emitter.insert(701, users, row(2, "b"));

        Struct replayed = ChangeEvent.of(out.get(0)).source();
        assertThat(replayed.getInt64(SourceInfo.TS_US)).isEqualTo(1_704_067_200_123_456L);
        assertThat(replayed.getInt64(SourceInfo.TS_MS)).isEqualTo(1_704_067_200_123L);
        assertThat(replayed.getString(SourceInfo.ORIGIN)).isEqualTo("other_node");
        assertThat(replayed.getInt64(SourceInfo.ORIGIN_LSN)).isEqualTo(0x99L);
        Struct local = ChangeEvent.of(out.get(1)).source();
        assertThat(local.getString(SourceInfo.ORIGIN)).isNull();
        assertThat(local.getInt64(SourceInfo.ORIGIN_LSN)).isNull();
        assertThat(ChangeEvent.of(out.get(1)).envelope().getInt64("ts_ns")).isPositive();
    }

    @Test
    void transactionMetadataFramesTheEventsAndCountsThem() {
        ChangeEmitter emitter = emitter(false, true);
        emitter.begin(COMMIT_LSN, 0, 700);
        emitter.insert(700, users, row(1, "a"));
        emitter.insert(700, users, row(2, "b"));
        emitter.commit(COMMIT_LSN, COMMIT_LSN + 40, 0);
        emitter.begin(COMMIT_LSN + 100, 0, 701); // a transaction without captured changes: no BEGIN/END
        emitter.commit(COMMIT_LSN + 100, COMMIT_LSN + 140, 0);

        assertThat(out).hasSize(4);
        assertThat(out.get(0).topic()).isEqualTo("app.transaction");
        assertThat(((Struct) out.get(0).value()).getString(TransactionMetadata.STATUS)).isEqualTo("BEGIN");
        Struct end = (Struct) out.get(3).value();
        assertThat(end.getString(TransactionMetadata.STATUS)).isEqualTo("END");
        assertThat(end.getInt64(TransactionMetadata.EVENT_COUNT)).isEqualTo(2L);
        Struct block = ChangeEvent.of(out.get(2)).transaction();
        assertThat(block.getString(TransactionMetadata.ID)).isEqualTo("700:" + COMMIT_LSN);
        assertThat(block.getInt64(TransactionMetadata.TOTAL_ORDER)).isEqualTo(2L);
    }

    @Test
    void truncateIsAnEventWithoutRowsOrKey() {
        ChangeEmitter emitter = emitter(true, false);
        emitter.begin(COMMIT_LSN, 0, 700);
        emitter.truncate(700, List.of(users), false, false);

        assertThat(out).hasSize(1);
        assertThat(out.get(0).key()).isNull();
        assertThat(ChangeEvent.of(out.get(0)).op()).isEqualTo(Operation.TRUNCATE);
    }

    @Test
    void singleRoutingPutsEveryTableOnThePrefixTopic() {
        RecordFactory records = new RecordFactory("app", TopicRouting.SINGLE);
        assertThat(records.topic(users)).isEqualTo("app");
        assertThat(RecordFactory.legal("my table$")).isEqualTo("my_table_");
    }
}
