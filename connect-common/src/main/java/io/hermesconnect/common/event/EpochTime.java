package io.hermesconnect.common.event;

import java.time.Instant;

/** An instant as the epoch microseconds and nanoseconds of Debezium's {@code ts_us} and {@code ts_ns}. */
final class EpochTime {

    private EpochTime() {
    }

    static long micros(Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000);
    }

    static long nanos(Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
    }
}
