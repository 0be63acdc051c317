package io.hermesconnect.source.wal.event;

import org.apache.kafka.connect.source.SourceRecord;

/** Where decoded records go: the bounded queue {@code poll()} drains; blocks while it is full. */
@FunctionalInterface
public interface RecordSink {

    /** @throws ReaderStoppedException when the task stops while waiting for room */
    void accept(SourceRecord record);

    /** The reading thread was interrupted because the task is stopping; unwinds the decoder's callbacks. */
    final class ReaderStoppedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ReaderStoppedException() {
            super("the task is stopping", null, false, false);
        }
    }
}
