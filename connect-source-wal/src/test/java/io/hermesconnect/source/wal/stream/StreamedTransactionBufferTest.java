package io.hermesconnect.source.wal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamedTransactionBufferTest {

    @TempDir
    Path spill;

    /** A change message as it arrives in a stream block: type, xid, then a body naming it. */
    private static ByteBuffer change(char type, int xid, String body) {
        byte[] text = body.getBytes();
        ByteBuffer b = ByteBuffer.allocate(1 + 4 + text.length);
        b.put((byte) type).putInt(xid).put(text);
        return b.flip();
    }

    /** What replay hands back for it: the type and body, the xid field gone. */
    private static String replayed(ByteBuffer message) {
        byte[] bytes = new byte[message.remaining()];
        message.duplicate().get(bytes);
        return (char) bytes[0] + new String(bytes, 1, bytes.length - 1);
    }

    private static List<String> replay(StreamedTransactionBuffer buffer, int xid) {
        List<String> out = new ArrayList<>();
        buffer.replay(xid, m -> out.add(replayed(m)));
        return out;
    }

    private long spillFiles() throws IOException {
        try (Stream<Path> files = Files.list(spill)) {
            return files.count();
        }
    }

    @Test
    void replaysInMemoryInOrderWithoutTheXidField() throws IOException {
        StreamedTransactionBuffer buffer = new StreamedTransactionBuffer(spill, 1 << 20);
        buffer.append(700, 700, change('R', 700, "relation"));
        buffer.append(700, 701, change('I', 701, "one"));
        buffer.append(700, 700, change('U', 700, "two"));
        buffer.append(700, 700, change('D', 700, "three"));
        assertThat(buffer.memoryBytes()).isPositive();
        assertThat(spillFiles()).isZero();

        assertThat(replay(buffer, 700)).containsExactly("Rrelation", "Ione", "Utwo", "Dthree");
        assertThat(buffer.memoryBytes()).isZero();
        assertThat(replay(buffer, 700)).as("forgotten after replay").isEmpty();
    }

    @Test
    void everyXidCarryingTypeIsStrippedButOriginIsKept() {
        StreamedTransactionBuffer buffer = new StreamedTransactionBuffer(spill, 1 << 20);
        for (char type : "RYIUDTM".toCharArray()) {
            buffer.append(1, 1, change(type, 1, "x"));
        }
        ByteBuffer origin = ByteBuffer.allocate(1 + 8 + 2).put((byte) 'O').putLong(77).put((byte) 'n').put((byte) 0).flip();
        buffer.append(1, 1, origin);
        List<ByteBuffer> out = new ArrayList<>();
        buffer.replay(1, m -> out.add(ByteBuffer.allocate(m.remaining()).put(m.duplicate()).flip()));
        assertThat(out).hasSize(8);
        assertThat(out.subList(0, 7)).allSatisfy(m -> assertThat(m.remaining()).isEqualTo(2));
        assertThat(out.get(7)).isEqualTo(origin.rewind());
    }

    @Test
    void spillsBeyondTheBoundAndDeletesTheFileAfterReplay() throws IOException {
        StreamedTransactionBuffer buffer = new StreamedTransactionBuffer(spill, 100_000);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String body = "row-" + i + "-" + "x".repeat(i % 50);
            buffer.append(700, 700 + i % 3, change('I', 700 + i % 3, body));
            expected.add("I" + body);
        }
        assertThat(spillFiles()).isEqualTo(1);
        assertThat(buffer.memoryBytes()).isLessThanOrEqualTo(100_000);

        assertThat(replay(buffer, 700)).containsExactlyElementsOf(expected);
        assertThat(spillFiles()).isZero();
        assertThat(buffer.memoryBytes()).isZero();
    }

    @Test
    void messagesLargerThanAChunk() {
        StreamedTransactionBuffer buffer = new StreamedTransactionBuffer(spill, 1 << 22);
        String big = "b".repeat(200_000);
        buffer.append(5, 5, change('I', 5, "small"));
        buffer.append(5, 5, change('I', 5, big));
        buffer.append(5, 5, change('I', 5, "after"));
        assertThat(replay(buffer, 5)).containsExactly("Ismall", "I" + big, "Iafter");

        StreamedTransactionBuffer tiny = new StreamedTransactionBuffer(spill, 10);
        tiny.append(6, 6, change('I', 6, big));
        tiny.append(6, 6, change('I', 6, "after"));
        assertThat(replay(tiny, 6)).containsExactly("I" + big, "Iafter");
    }

    @Test
    void abortedSubtransactionsAreLeftOut() throws IOException {
        for (long limit : new long[] {1 << 20, 64}) {
            StreamedTransactionBuffer buffer = new StreamedTransactionBuffer(spill, limit);
            buffer.append(700, 700, change('I', 700, "a"));
            buffer.append(700, 701, change('I', 701, "b"));
            buffer.append(700, 702, change('I', 702, "c"));
            buffer.append(700, 701, change('U', 701, "d"));
            buffer.abort(700, 701);
            buffer.append(700, 700, change('D', 700, "e"));
            assertThat(replay(buffer, 700)).as("limit %d", limit).containsExactly("Ia", "Ic", "De");
            assertThat(spillFiles()).isZero();
        }
    }

    @Test
    void abortedTransactionsLeaveNothing() throws IOException {
        StreamedTransactionBuffer buffer = new StreamedTransactionBuffer(spill, 200);
        for (int i = 0; i < 100; i++) {
            buffer.append(700, 700, change('I', 700, "row " + i));
        }
        assertThat(spillFiles()).isEqualTo(1);
        buffer.abort(700, 700);
        assertThat(spillFiles()).isZero();
        assertThat(buffer.memoryBytes()).isZero();
        assertThat(replay(buffer, 700)).isEmpty();
        buffer.abort(700, 700);
        buffer.abort(999, 1000);
    }

    @Test
    void interleavedTransactionsShareTheBound() throws IOException {
        StreamedTransactionBuffer buffer = new StreamedTransactionBuffer(spill, 70_000);
        for (int i = 0; i < 20; i++) {
            buffer.append(1, 1, change('I', 1, "one-" + i));
            buffer.append(2, 2, change('I', 2, "two-" + i + "x".repeat(5_000)));
        }
        assertThat(buffer.memoryBytes()).isLessThanOrEqualTo(70_000);
        assertThat(spillFiles()).isEqualTo(1);
        assertThat(replay(buffer, 2)).hasSize(20).first().asString().startsWith("Itwo-0");
        assertThat(replay(buffer, 1)).hasSize(20).last().isEqualTo("Ione-19");
        assertThat(buffer.memoryBytes()).isZero();
    }

    @Test
    void closeDeletesEverything() throws IOException {
        StreamedTransactionBuffer buffer = new StreamedTransactionBuffer(spill, 10);
        buffer.append(1, 1, change('I', 1, "a"));
        buffer.append(2, 2, change('I', 2, "b"));
        assertThat(spillFiles()).isEqualTo(2);
        buffer.close();
        assertThat(spillFiles()).isZero();
        assertThat(replay(buffer, 1)).isEmpty();
    }

    @Test
    void directBuffersAndNonZeroPositions() {
        StreamedTransactionBuffer buffer = new StreamedTransactionBuffer(spill, 1 << 20);
        ByteBuffer heap = change('I', 3, "direct");
        ByteBuffer direct = ByteBuffer.allocateDirect(heap.remaining() + 4);
        direct.position(4);
        direct.put(heap).flip().position(4);
        buffer.append(3, 3, direct);
        assertThat(direct.position()).isEqualTo(4);
        StreamedTransactionBuffer spilling = new StreamedTransactionBuffer(spill, 1);
        spilling.append(3, 3, direct);
        assertThat(replay(buffer, 3)).containsExactly("Idirect");
        assertThat(replay(spilling, 3)).containsExactly("Idirect");
    }

    @Test
    void subXidMustMatchTheMessage() {
        StreamedTransactionBuffer buffer = new StreamedTransactionBuffer(spill, 1 << 20);
        assertThatThrownBy(() -> buffer.append(700, 700, change('I', 701, "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("701");
    }

    @Test
    void failedReplayStillForgetsTheTransaction() throws IOException {
        StreamedTransactionBuffer buffer = new StreamedTransactionBuffer(spill, 1);
        buffer.append(1, 1, change('I', 1, "a"));
        assertThatThrownBy(() -> buffer.replay(1, m -> {
            throw new IllegalStateException("decoder failed");
        })).hasMessage("decoder failed");
        assertThat(spillFiles()).isZero();
    }

    @Test
    void unwritableSpillDirectoryIsReported() {
        StreamedTransactionBuffer buffer = new StreamedTransactionBuffer(spill.resolve("missing"), 1);
        assertThatThrownBy(() -> buffer.append(1, 1, change('I', 1, "a")))
                .isInstanceOf(SpillException.class).hasMessageContaining("missing");
    }
}
