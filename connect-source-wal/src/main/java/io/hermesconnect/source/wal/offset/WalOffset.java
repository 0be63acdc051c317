package io.hermesconnect.source.wal.offset;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The task's position, as Connect stores it: a map of primitives under the constants below, written by
 * every record and read back only here.
 *
 * <p>Streaming: {@code lsn} is the commit LSN of the record's transaction and {@code event} the record's
 * 1-based index in it. The server re-sends the transaction that commits at the slot's confirmed LSN, so a
 * restart skips exactly the records with an index up to {@code event} and loses none.
 * Snapshot: {@code snapshot=true}, {@code lsn} is the slot's consistent point (where streaming starts
 * after the snapshot) and {@code snapshot_done} lists the tables already read completely.
 */
public record WalOffset(long lsn, long event, boolean snapshot, Set<String> snapshotDone) {

    public static final String PARTITION_KEY = "server";
    public static final String LSN = "lsn";
    public static final String EVENT = "event";
    public static final String TX_ID = "txId";
    public static final String SNAPSHOT = "snapshot";
    public static final String SNAPSHOT_DONE = "snapshot_done";

    public WalOffset {
        snapshotDone = Set.copyOf(snapshotDone);
    }

    /** The source partition of a connector: one per topic prefix, as Debezium keys it. */
    public static Map<String, String> partition(String topicPrefix) {
        return Map.of(PARTITION_KEY, topicPrefix);
    }

    /** The offset of a streamed record. */
    public static Map<String, Object> streaming(long commitLsn, long event, long txId) {
        Map<String, Object> offset = new HashMap<>(4);
        offset.put(LSN, commitLsn);
        offset.put(EVENT, event);
        offset.put(TX_ID, txId);
        return offset;
    }

    /** The offset of a snapshot record; {@code doneTables} already in the {@link #encodeTables} form. */
    public static Map<String, Object> snapshot(long consistentPoint, String doneTables) {
        Map<String, Object> offset = new HashMap<>(4);
        offset.put(LSN, consistentPoint);
        offset.put(EVENT, 0L);
        offset.put(SNAPSHOT, true);
        offset.put(SNAPSHOT_DONE, doneTables);
        return offset;
    }

    /** Reads a stored offset; null when there is none (first start). */
    public static WalOffset read(Map<String, ?> stored) {
        if (stored == null || !(stored.get(LSN) instanceof Number lsn)) {
            return null;
        }
        long event = stored.get(EVENT) instanceof Number n ? n.longValue() : 0;
        boolean snapshot = Boolean.TRUE.equals(stored.get(SNAPSHOT));
        String done = stored.get(SNAPSHOT_DONE) instanceof String s ? s : "";
        return new WalOffset(lsn.longValue(), event, snapshot, decodeTables(done));
    }

    /** Tables as one offset string: each {@code schema.table} URL-encoded, comma-separated. */
    public static String encodeTables(Collection<String> tables) {
        return tables.stream().map(t -> URLEncoder.encode(t, StandardCharsets.UTF_8)).collect(Collectors.joining(","));
    }

    static Set<String> decodeTables(String encoded) {
        if (encoded.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(encoded.split(",")).map(t -> URLDecoder.decode(t, StandardCharsets.UTF_8))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
