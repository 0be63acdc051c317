package io.hermesconnect.bench.wal;

/** What one consumer reads: its own slot and publication over one table of schema {@code bench}. */
public record SlotTarget(String slot, String publication, String table) {

    public static final String SCHEMA = "bench";

    /** Names for {@code consumer} reading {@code table}, e.g. {@code debezium_small}. */
    public static SlotTarget of(String consumer, String table) {
        String name = consumer + "_" + table;
        return new SlotTarget(name, name, table);
    }

    public String qualifiedTable() {
        return SCHEMA + "." + table;
    }
}
