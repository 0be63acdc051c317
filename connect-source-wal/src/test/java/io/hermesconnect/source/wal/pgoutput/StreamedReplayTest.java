package io.hermesconnect.source.wal.pgoutput;

import static io.hermesconnect.source.wal.pgoutput.Messages.TOAST;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.source.wal.convert.DecimalHandlingMode;
import io.hermesconnect.source.wal.convert.TableSchemaFactory;
import io.hermesconnect.source.wal.convert.TestTypes;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.Delete;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.Insert;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.Relation;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.StreamAbort;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.StreamCommit;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.StreamStart;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.StreamStop;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.Update;
import io.hermesconnect.source.wal.stream.StreamedTransactionBuffer;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Protocol-2 streaming end to end on the decode side: stream-block messages go to the buffer raw, as
 * the task does, and come back through the same decoder at Stream Commit.
 */
class StreamedReplayTest {

    @TempDir
    Path spill;

    private final TableSchemaFactory factory = new TableSchemaFactory("app", TestTypes.registry(), DecimalHandlingMode.PRECISE,
            (schema, table, column) -> true);

    /** Routes like the task (see {@link StreamBlockRouter}), with a decoder over the test tables. */
    private final class Session extends StreamBlockRouter {
        Session(long memoryLimit) {
            super(new StreamedTransactionBuffer(spill, memoryLimit));
            decoder = new PgOutputDecoder(r -> factory.fromRelation(r, List.of("id")), this);
        }
    }

    private static ByteBuffer start(int xid, boolean first) {
        return Messages.of('S').i32(xid).u8(first ? 1 : 0).buffer();
    }

    private static ByteBuffer stop() {
        return Messages.of('E').buffer();
    }

    @ParameterizedTest
    @ValueSource(longs = {1 << 20, 1})
    void committedStreamIsReplayedWithoutAbortedSubtransactions(long memoryLimit) {
        Session session = new Session(memoryLimit);
        int top = 700;
        int sub = 701;
        for (ByteBuffer m : List.of(
                start(top, true),
                PgOutputDecoderTest.usersRelation(top, 'f'),
                Messages.insert(top, PgOutputDecoderTest.USERS, "1", "a", "bio"),
                Messages.insert(sub, PgOutputDecoderTest.USERS, "2", "rolled back", null),
                stop(),
                Messages.of('A').i32(top).i32(sub).buffer(),
                start(top, false),
                Messages.change('U', top).i32(PgOutputDecoderTest.USERS).u8('O').tuple("1", "a", "bio").u8('N').tuple("1", "b", TOAST).buffer(),
                Messages.change('D', top).i32(PgOutputDecoderTest.USERS).u8('O').tuple("1", "b", "bio").buffer(),
                stop(),
                Messages.of('c').i32(top).u8(0).i64(0x100).i64(0x180).i64(42).buffer())) {
            session.receive(m);
        }
        List<Object> events = session.events;
        assertThat(events.subList(0, 5)).containsExactly(new StreamStart(top, true), new StreamStop(),
                new StreamAbort(top, sub), new StreamStart(top, false), new StreamStop());
        assertThat(events.get(5)).isEqualTo(new StreamCommit(top, 0x100, 0x180, 42));
        assertThat(events.get(6)).isInstanceOf(Relation.class);
        Insert insert = (Insert) events.get(7);
        assertThat(insert.xid()).isEqualTo(top);
        assertThat(insert.after().getInt32("id")).isEqualTo(1);
        Update update = (Update) events.get(8);
        assertThat(update.xid()).isEqualTo(top);
        assertThat(update.after().getString("bio")).as("TOAST filled from the old row").isEqualTo("bio");
        assertThat(((Delete) events.get(9)).before().getString("name")).isEqualTo("b");
        assertThat(events).hasSize(10);
        assertThat(session.buffer.memoryBytes()).isZero();
    }

    @Test
    void abortedStreamEmitsNothingAndPlainTransactionsInterleave() {
        Session session = new Session(1 << 20);
        for (ByteBuffer m : List.of(
                PgOutputDecoderTest.usersRelation(null, 'd'),
                start(800, true),
                Messages.insert(800, PgOutputDecoderTest.USERS, "9", "never", null),
                stop(),
                Messages.begin(1, 2, 801),
                Messages.insert(null, PgOutputDecoderTest.USERS, "3", "plain", null),
                Messages.commit(1, 2, 3),
                Messages.of('A').i32(800).i32(800).buffer(),
                Messages.of('c').i32(800).u8(0).i64(1).i64(2).i64(3).buffer())) {
            session.receive(m);
        }
        List<Insert> inserts = session.events.stream().filter(Insert.class::isInstance).map(Insert.class::cast).toList();
        assertThat(inserts).singleElement().satisfies(i -> {
            assertThat(i.xid()).isEqualTo(801);
            assertThat(i.after().getString("name")).isEqualTo("plain");
        });
    }
}
