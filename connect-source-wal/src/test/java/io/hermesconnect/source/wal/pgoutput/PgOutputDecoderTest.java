package io.hermesconnect.source.wal.pgoutput;

import static io.hermesconnect.source.wal.pgoutput.Messages.TOAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.source.wal.convert.DecimalHandlingMode;
import io.hermesconnect.source.wal.convert.TableSchema;
import io.hermesconnect.source.wal.convert.TableSchemaFactory;
import io.hermesconnect.source.wal.convert.TestTypes;
import io.hermesconnect.common.event.UnchangedToast;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.Begin;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.Commit;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.Delete;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.Insert;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.Message;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.Origin;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.Relation;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.StreamAbort;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.StreamCommit;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.StreamStart;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.StreamStop;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.Truncate;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.Update;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PgOutputDecoderTest {

    static final int USERS = 16_384;
    static final int GROUPS = 16_390;
    static final int AUDIT = 16_395;

    final TableSchemaFactory factory = new TableSchemaFactory("app", TestTypes.registry(), DecimalHandlingMode.PRECISE,
            (schema, table, column) -> true);
    final List<RelationMessage> resolved = new ArrayList<>();
    final RecordingListener listener = new RecordingListener();
    /** Tables named "audit" are not captured; the primary key is the replica identity in these tests. */
    final PgOutputDecoder decoder = new PgOutputDecoder(relation -> {
        resolved.add(relation);
        if (relation.table().equals("audit")) {
            return null;
        }
        return factory.fromRelation(relation, relation.columns().stream().filter(RelationMessage.Column::isKey)
                .map(RelationMessage.Column::name).toList());
    }, listener);

    /** users(id int4 key, name text, bio text), replica identity as given. */
    static ByteBuffer usersRelation(Integer streamXid, char replicaIdentity) {
        return Messages.change('R', streamXid).i32(USERS).string("public").string("users").u8(replicaIdentity).i16(3)
                .u8(1).string("id").i32(23).i32(-1)
                .u8(replicaIdentity == 'f' ? 1 : 0).string("name").i32(25).i32(-1)
                .u8(replicaIdentity == 'f' ? 1 : 0).string("bio").i32(25).i32(-1)
                .buffer();
    }

    static ByteBuffer groupsRelation() {
        return Messages.of('R').i32(GROUPS).string("public").string("groups").u8('d').i16(1)
                .u8(1).string("gid").i32(20).i32(-1).buffer();
    }

    static ByteBuffer auditRelation() {
        return Messages.of('R').i32(AUDIT).string("public").string("audit").u8('d').i16(1)
                .u8(1).string("n").i32(23).i32(-1).buffer();
    }

    void decode(ByteBuffer... messages) {
        for (ByteBuffer message : messages) {
            decoder.decode(message);
        }
    }

    TableSchema users() {
        return listener.last(Relation.class).table();
    }

    @Nested
    class Transactions {
        @Test
        void beginAndCommit() {
            decode(Messages.begin(0x16_B374D848L, 757_382_400_000_000L, 771), Messages.commit(0x16_B374D800L, 0x16_B374D848L, 757_382_400_000_001L));
            assertThat(listener.events).containsExactly(
                    new Begin(0x16_B374D848L, 757_382_400_000_000L, 771),
                    new Commit(0x16_B374D800L, 0x16_B374D848L, 757_382_400_000_001L));
        }

        @Test
        void xidsAreUnsigned32Bit() {
            decode(Messages.begin(1, 2, 0xFFFF_FFF0), usersRelation(null, 'd'), Messages.insert(null, USERS, "1", "a", "b"));
            assertThat(listener.last(Begin.class).xid()).isEqualTo(0xFFFF_FFF0);
            assertThat(Integer.toUnsignedLong(listener.last(Insert.class).xid())).isEqualTo(4_294_967_280L);
        }
    }

    @Nested
    class Relations {
        @Test
        void relationMessageIsResolvedAndReported() {
            decode(usersRelation(null, 'd'));
            assertThat(resolved).containsExactly(new RelationMessage(USERS, "public", "users", 'd', List.of(
                    new RelationMessage.Column("id", 23, -1, true),
                    new RelationMessage.Column("name", 25, -1, false),
                    new RelationMessage.Column("bio", 25, -1, false))));
            TableSchema table = users();
            assertThat(table.relationOid()).isEqualTo(USERS);
            assertThat(table.dataCollection()).isEqualTo("public.users");
            assertThat(table.primaryKey()).containsExactly("id");
        }

        @Test
        void sameRelationAgainIsResolvedButNotReportedAgain() {
            decode(usersRelation(null, 'd'), usersRelation(null, 'd'));
            assertThat(resolved).hasSize(2);
            assertThat(listener.events).hasSize(1);
        }

        @Test
        void changedRelationIsReportedAndUsed() {
            decode(usersRelation(null, 'd'),
                    Messages.of('R').i32(USERS).string("public").string("users").u8('d').i16(2)
                            .u8(1).string("id").i32(23).i32(-1).u8(0).string("age").i32(21).i32(-1).buffer(),
                    Messages.insert(null, USERS, "1", "42"));
            assertThat(listener.events).hasSize(3);
            Struct after = listener.last(Insert.class).after();
            assertThat(after.getInt16("age")).isEqualTo((short) 42);
            assertThat(after.schema().field("name")).isNull();
        }

        @Test
        void emptyNamespaceIsPgCatalog() {
            decode(Messages.of('R').i32(1259).string("").string("pg_class").u8('n').i16(0).buffer());
            assertThat(resolved.get(0).schema()).isEqualTo("pg_catalog");
        }

        @Test
        void changesOfTablesNotCapturedAreSkippedUndecoded() {
            decode(auditRelation(), Messages.begin(1, 2, 3),
                    Messages.insert(null, AUDIT, "not a number"),
                    Messages.of('U').i32(AUDIT).u8('N').tuple("x").buffer(),
                    Messages.of('D').i32(AUDIT).u8('K').tuple("x").buffer(),
                    Messages.of('T').i32(1).u8(0).i32(AUDIT).buffer(),
                    Messages.commit(1, 2, 3));
            assertThat(listener.events).containsExactly(new Begin(1, 2, 3), new Commit(1, 2, 3));
        }

        @Test
        void changeWithoutRelationFails() {
            assertThatThrownBy(() -> decode(Messages.insert(null, 99, "1")))
                    .isInstanceOf(DataException.class).hasMessageContaining("relation OID 99");
        }
    }

    @Nested
    class Changes {
        @Test
        void insert() {
            decode(usersRelation(null, 'd'), Messages.begin(10, 20, 7), Messages.insert(null, USERS, "1", "Ada", null));
            Insert insert = listener.last(Insert.class);
            assertThat(insert.xid()).isEqualTo(7);
            assertThat(insert.table()).isSameAs(users());
            assertThat(insert.after().getInt32("id")).isEqualTo(1);
            assertThat(insert.after().getString("name")).isEqualTo("Ada");
            assertThat(insert.after().getString("bio")).isNull();
        }

        @Test
        void updateWithoutOldTuple() {
            decode(usersRelation(null, 'd'), Messages.of('U').i32(USERS).u8('N').tuple("1", "Bob", "x").buffer());
            Update update = listener.last(Update.class);
            assertThat(update.before()).isNull();
            assertThat(update.after().getString("name")).isEqualTo("Bob");
        }

        @Test
        void updateWithKeyTuple() {
            decode(usersRelation(null, 'd'), Messages.of('U').i32(USERS).u8('K').tuple("1", null, null).u8('N').tuple("2", "Bob", "x").buffer());
            Update update = listener.last(Update.class);
            assertThat(update.before().getInt32("id")).isEqualTo(1);
            assertThat(update.before().getString("name")).isNull();
            assertThat(update.after().getInt32("id")).isEqualTo(2);
        }

        @Test
        void updateWithOldTuple() {
            decode(usersRelation(null, 'f'), Messages.of('U').i32(USERS).u8('O').tuple("1", "Ann", "old").u8('N').tuple("1", "Bob", "new").buffer());
            Update update = listener.last(Update.class);
            assertThat(update.before().getString("name")).isEqualTo("Ann");
            assertThat(update.before().getString("bio")).isEqualTo("old");
            assertThat(update.after().getString("bio")).isEqualTo("new");
        }

        @Test
        void unchangedToastIsFilledFromTheFullOldTuple() {
            decode(usersRelation(null, 'f'), Messages.of('U').i32(USERS).u8('O').tuple("1", "Ann", "long bio").u8('N').tuple("1", "Bob", TOAST).buffer());
            Update update = listener.last(Update.class);
            assertThat(update.after().getString("bio")).isEqualTo("long bio");
            assertThat(update.after().getString("name")).isEqualTo("Bob");
        }

        @Test
        void unchangedToastWithoutOldValueIsThePlaceholder() {
            decode(usersRelation(null, 'd'), Messages.of('U').i32(USERS).u8('N').tuple("1", "Bob", TOAST).buffer());
            assertThat(listener.last(Update.class).after().getString("bio")).isEqualTo(UnchangedToast.PLACEHOLDER);
            // an old tuple that does not hold the value either (key only, or unchanged itself)
            decode(Messages.of('U').i32(USERS).u8('K').tuple("1", null, null).u8('N').tuple("2", TOAST, TOAST).buffer(),
                    Messages.of('U').i32(USERS).u8('O').tuple("1", "x", TOAST).u8('N').tuple("2", "y", TOAST).buffer());
            List<Update> updates = listener.events.stream().filter(Update.class::isInstance).map(Update.class::cast).toList();
            assertThat(updates.get(1).after().getString("name")).isEqualTo(UnchangedToast.PLACEHOLDER);
            assertThat(updates.get(2).after().getString("bio")).isEqualTo(UnchangedToast.PLACEHOLDER);
            assertThat(updates.get(2).before().getString("bio")).isEqualTo(UnchangedToast.PLACEHOLDER);
        }

        @Test
        void deleteWithKeyTuple() {
            decode(usersRelation(null, 'd'), Messages.begin(1, 2, 9), Messages.of('D').i32(USERS).u8('K').tuple("5", null, null).buffer());
            Delete delete = listener.last(Delete.class);
            assertThat(delete.xid()).isEqualTo(9);
            assertThat(delete.before().getInt32("id")).isEqualTo(5);
            assertThat(delete.before().getString("name")).isNull();
            delete.before().validate();
        }

        @Test
        void deleteWithFullOldTuple() {
            decode(usersRelation(null, 'f'), Messages.of('D').i32(USERS).u8('O').tuple("5", "Eve", "bio").buffer());
            Struct before = listener.last(Delete.class).before();
            assertThat(before.getString("name")).isEqualTo("Eve");
            assertThat(before.getString("bio")).isEqualTo("bio");
        }

        @Test
        void truncateWithFlags() {
            decode(usersRelation(null, 'd'), groupsRelation(), auditRelation(), Messages.begin(1, 2, 3));
            TableSchema users = ((Relation) listener.events.get(0)).table();
            TableSchema groups = ((Relation) listener.events.get(1)).table();
            decode(Messages.of('T').i32(3).u8(0).i32(USERS).i32(AUDIT).i32(GROUPS).buffer(),
                    Messages.of('T').i32(1).u8(1).i32(USERS).buffer(),
                    Messages.of('T').i32(1).u8(2).i32(USERS).buffer(),
                    Messages.of('T').i32(1).u8(3).i32(GROUPS).buffer(),
                    Messages.of('T').i32(1).u8(3).i32(AUDIT).buffer());
            assertThat(listener.events.subList(2, listener.events.size())).containsExactly(
                    new Begin(1, 2, 3),
                    new Truncate(3, List.of(users, groups), false, false),
                    new Truncate(3, List.of(users), true, false),
                    new Truncate(3, List.of(users), false, true),
                    new Truncate(3, List.of(groups), true, true));
        }

        @Test
        void bulkChangesAcrossTables() {
            decode(usersRelation(null, 'd'), groupsRelation(), Messages.begin(1, 2, 3));
            for (int i = 0; i < 100; i++) {
                decode(Messages.insert(null, i % 3 == 0 ? GROUPS : USERS, i % 3 == 0 ? new Object[] {"" + i} : new Object[] {"" + i, "n", null}));
            }
            List<Insert> inserts = listener.events.stream().filter(Insert.class::isInstance).map(Insert.class::cast).toList();
            assertThat(inserts).hasSize(100);
            assertThat(inserts.get(99).after().getInt64("gid")).isEqualTo(99L);
            assertThat(inserts.get(98).after().getInt32("id")).isEqualTo(98);
        }
    }

    @Nested
    class LogicalMessages {
        @Test
        void transactionalMessageBelongsToTheTransaction() {
            decode(Messages.begin(1, 2, 44), Messages.of('M').u8(1).i64(0x10).string("audit").i32(3).raw(new byte[] {1, 2, 3}).buffer());
            Message message = listener.last(Message.class);
            assertThat(message.xid()).isEqualTo(44);
            assertThat(message.lsn()).isEqualTo(0x10);
            assertThat(message.transactional()).isTrue();
            assertThat(message.prefix()).isEqualTo("audit");
            assertThat(message.content()).containsExactly(1, 2, 3);
        }

        @Test
        void nonTransactionalMessageHasNoXid() {
            byte[] content = "héllo".getBytes(StandardCharsets.UTF_8);
            decode(Messages.of('M').u8(0).i64(0x20).string("heartbeat").i32(content.length).raw(content).buffer());
            Message message = listener.last(Message.class);
            assertThat(message.xid()).isZero();
            assertThat(message.transactional()).isFalse();
            assertThat(new String(message.content(), StandardCharsets.UTF_8)).isEqualTo("héllo");
        }

        @Test
        void originIsReportedAndTypeMessagesAreAcceptedSilently() {
            decode(Messages.of('O').i64(0x99).string("other_node").buffer(),
                    Messages.of('Y').i32(90003).string("public").string("mood").buffer());
            assertThat(listener.events).containsExactly(new Origin(0x99, "other_node"));
        }
    }

    @Nested
    class Streaming {
        @Test
        void streamBlockMessagesCarryTheirXid() {
            decode(Messages.of('S').i32(700).u8(1).buffer(),
                    usersRelation(700, 'f'),
                    Messages.of('Y').i32(700).i32(90003).string("public").string("mood").buffer(),
                    Messages.insert(701, USERS, "1", "a", "b"),
                    Messages.change('U', 700).i32(USERS).u8('O').tuple("1", "a", "b").u8('N').tuple("1", "c", TOAST).buffer(),
                    Messages.change('D', 701).i32(USERS).u8('O').tuple("1", "c", "b").buffer(),
                    Messages.change('T', 700).i32(1).u8(2).i32(USERS).buffer(),
                    Messages.change('M', 700).u8(1).i64(5).string("p").i32(0).buffer(),
                    Messages.of('E').buffer(),
                    Messages.of('S').i32(700).u8(0).buffer(),
                    Messages.of('E').buffer(),
                    Messages.of('c').i32(700).u8(0).i64(0x30).i64(0x40).i64(123).buffer());
            TableSchema users = users();
            List<Object> events = listener.events;
            assertThat(events.get(0)).isEqualTo(new StreamStart(700, true));
            assertThat(events.get(1)).isEqualTo(new Relation(users));
            assertThat(((Insert) events.get(2)).xid()).isEqualTo(701);
            Update update = (Update) events.get(3);
            assertThat(update.xid()).isEqualTo(700);
            assertThat(update.after().getString("bio")).isEqualTo("b");
            assertThat(((Delete) events.get(4)).xid()).isEqualTo(701);
            assertThat(events.get(5)).isEqualTo(new Truncate(700, List.of(users), false, true));
            assertThat(((Message) events.get(6)).xid()).isEqualTo(700);
            assertThat(events.subList(7, events.size())).containsExactly(new StreamStop(), new StreamStart(700, false),
                    new StreamStop(), new StreamCommit(700, 0x30, 0x40, 123));
        }

        @Test
        void afterTheBlockChangesHaveNoXidField() {
            decode(Messages.of('S').i32(700).u8(1).buffer(), usersRelation(700, 'd'), Messages.of('E').buffer(),
                    Messages.begin(1, 2, 800), Messages.insert(null, USERS, "1", "a", "b"));
            assertThat(listener.last(Insert.class).xid()).isEqualTo(800);
        }

        @Test
        void streamAbort() {
            decode(Messages.of('A').i32(700).i32(701).buffer(), Messages.of('A').i32(700).i32(700).buffer());
            assertThat(listener.events).containsExactly(new StreamAbort(700, 701), new StreamAbort(700, 700));
        }

        @Test
        void streamAbortWithProtocol4Fields() {
            decode(Messages.of('A').i32(700).i32(702).i64(0x50).i64(999).buffer());
            assertThat(listener.events).containsExactly(new StreamAbort(700, 702));
        }

        @Test
        void changesDecodedDuringStreamCommitBelongToTheStreamedTransaction() {
            List<ByteBuffer> replay = new ArrayList<>();
            RecordingListener inner = new RecordingListener() {
                @Override
                public void streamCommit(int xid, long commitLsn, long endLsn, long commitTimeMicros) {
                    super.streamCommit(xid, commitLsn, endLsn, commitTimeMicros);
                    replay.forEach(holder[0]::decode);
                }
            };
            PgOutputDecoder replaying = new PgOutputDecoder(r -> factory.fromRelation(r, List.of("id")), inner);
            holder[0] = replaying;
            // messages as the stream buffer hands them back: without the xid field
            replay.add(usersRelation(null, 'd'));
            replay.add(Messages.insert(null, USERS, "1", "a", "b"));
            replaying.decode(Messages.of('c').i32(900).u8(0).i64(1).i64(2).i64(3).buffer());
            replaying.decode(Messages.begin(4, 5, 901));
            replaying.decode(Messages.commit(4, 5, 6));
            replaying.decode(Messages.of('M').u8(0).i64(7).string("p").i32(0).buffer());
            assertThat(inner.events.get(2)).isInstanceOfSatisfying(Insert.class, i -> assertThat(i.xid()).isEqualTo(900));
            assertThat(inner.last(Message.class).xid()).isZero();
        }

        private final PgOutputDecoder[] holder = new PgOutputDecoder[1];
    }

    @Nested
    class Buffers {
        @Test
        void directBuffersAndOffsetsWork() {
            ByteBuffer heap = Messages.insert(null, USERS, "1", "Ann", "x");
            ByteBuffer direct = ByteBuffer.allocateDirect(heap.remaining() + 10);
            direct.position(7);
            direct.put(heap.duplicate());
            direct.flip().position(7);
            decode(usersRelation(null, 'd'), direct);
            assertThat(listener.last(Insert.class).after().getString("name")).isEqualTo("Ann");
            assertThat(direct.position()).as("position untouched").isEqualTo(7);

            byte[] framed = new byte[heap.remaining() + 20];
            heap.duplicate().get(framed, 5, heap.remaining());
            ByteBuffer slice = ByteBuffer.wrap(framed, 5, heap.remaining()).slice();
            decode(slice);
            assertThat(listener.last(Insert.class).after().getString("name")).isEqualTo("Ann");
            decode(ByteBuffer.wrap(framed, 5, heap.remaining()));
            assertThat(listener.events).hasSize(4);
        }
    }

    @Nested
    class Malformed {
        @Test
        void unknownMessageType() {
            assertThatThrownBy(() -> decode(Messages.of('P').buffer())).isInstanceOf(DataException.class).hasMessageContaining("'P'");
        }

        @Test
        void binaryValues() {
            decode(usersRelation(null, 'd'));
            ByteBuffer binary = Messages.of('I').i32(USERS).u8('N').i16(1).u8('b').i32(4).i32(1).buffer();
            assertThatThrownBy(() -> decode(binary)).isInstanceOf(DataException.class).hasMessageContaining("Binary");
        }

        @Test
        void truncatedMessages() {
            decode(usersRelation(null, 'd'));
            ByteBuffer whole = Messages.insert(null, USERS, "1", "Ann", "x");
            ByteBuffer cut = ByteBuffer.wrap(whole.array(), 0, whole.remaining() - 2);
            assertThatThrownBy(() -> decode(cut)).isInstanceOf(DataException.class).hasMessageContaining("Truncated");
            assertThatThrownBy(() -> decode(Messages.of('B').i32(1).buffer())).isInstanceOf(DataException.class);
            assertThatThrownBy(() -> decode(Messages.of('R').i32(1).raw(new byte[] {'a', 'b'}).buffer()))
                    .isInstanceOf(DataException.class);
        }

        @Test
        void moreValuesThanColumns() {
            decode(usersRelation(null, 'd'));
            assertThatThrownBy(() -> decode(Messages.insert(null, USERS, "1", "a", "b", "c")))
                    .isInstanceOf(DataException.class).hasMessageContaining("4 columns");
        }

        @Test
        void wrongTupleMarkers() {
            decode(usersRelation(null, 'd'));
            assertThatThrownBy(() -> decode(Messages.of('I').i32(USERS).u8('K').tuple("1", null, null).buffer()))
                    .isInstanceOf(DataException.class);
            assertThatThrownBy(() -> decode(Messages.of('D').i32(USERS).u8('N').tuple("1", null, null).buffer()))
                    .isInstanceOf(DataException.class);
            assertThatThrownBy(() -> decode(Messages.of('U').i32(USERS).u8('O').tuple("1", null, null).u8('X').buffer()))
                    .isInstanceOf(DataException.class);
        }
    }
}
