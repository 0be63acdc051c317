package io.hermesconnect.source.wal.pgoutput;

import java.time.Instant;

/** PostgreSQL's internal timestamps count microseconds from 2000-01-01 00:00 UTC. */
public final class PgTime {

    /** 2000-01-01T00:00:00Z in Unix epoch seconds. */
    static final long PG_EPOCH_SECONDS = 946_684_800L;

    private PgTime() {
    }

    public static Instant toInstant(long pgMicros) {
        return Instant.ofEpochSecond(PG_EPOCH_SECONDS + Math.floorDiv(pgMicros, 1_000_000L),
                Math.floorMod(pgMicros, 1_000_000L) * 1_000L);
    }
}
