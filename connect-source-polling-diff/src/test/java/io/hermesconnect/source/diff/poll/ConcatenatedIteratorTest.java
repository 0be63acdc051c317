package io.hermesconnect.source.diff.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A poll's changes are read one at a time across its parts, never buffered. */
class ConcatenatedIteratorTest {

    @Test
    void readsEachPartOnlyAsFarAsItsElementsAreAskedFor() {
        List<Integer> read = new ArrayList<>();
        Iterator<Integer> large = IntStream.range(0, 1_000_000).peek(read::add).iterator();
        Iterator<Integer> concatenated = new ConcatenatedIterator<>(
                List.of(Collections.<Integer>emptyIterator(), List.of(-2, -1).iterator(), Collections.emptyIterator(), large));

        assertThat(concatenated.next()).isEqualTo(-2);
        assertThat(concatenated.next()).isEqualTo(-1);
        assertThat(concatenated.next()).isEqualTo(0);
        assertThat(concatenated.next()).isEqualTo(1);
        assertThat(read).as("no element read ahead").hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void endsAfterTheLastPart() {
        Iterator<Integer> concatenated = new ConcatenatedIterator<>(List.of(List.of(1).iterator(), Collections.emptyIterator()));

        assertThat(concatenated.next()).isEqualTo(1);
        assertThat(concatenated.hasNext()).isFalse();
        assertThatThrownBy(concatenated::next).isInstanceOf(NoSuchElementException.class);
        assertThat(new ConcatenatedIterator<Integer>(List.of()).hasNext()).isFalse();
    }
}
