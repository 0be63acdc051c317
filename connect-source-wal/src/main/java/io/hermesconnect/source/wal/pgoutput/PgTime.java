package io.hermesconnect.source.wal.pgoutput;

/** PostgreSQL's internal timestamps count microseconds from 2000-01-01 00:00 UTC. */
public final class PgTime {

    /** 2000-01-01T00:00:00Z in Unix epoch milliseconds. */
    static final long PG_EPOCH_MILLIS = 946_684_800_000L;

    private PgTime() {
    }

    public static long toEpochMillis(long pgMicros) {
        return Math.floorDiv(pgMicros, 1000) + PG_EPOCH_MILLIS;
    }
}
