package io.hermesconnect.common.event;

import org.apache.kafka.connect.errors.DataException;

/** The {@code op} of a change event; the codes are Debezium's. */
public enum Operation {
    CREATE("c"),
    UPDATE("u"),
    DELETE("d"),
    /** A row read by a snapshot. */
    READ("r"),
    TRUNCATE("t"),
    /** A logical decoding message ({@code pg_logical_emit_message}). */
    MESSAGE("m");

    /** values() copies its array on every call: this is read once per record. */
    private static final Operation[] ALL = values();

    private final String code;

    Operation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Operation forCode(String code) {
        if (code != null && code.length() == 1) {
            for (Operation op : ALL) {
                if (op.code.charAt(0) == code.charAt(0)) {
                    return op;
                }
            }
        }
        throw new DataException("Unknown change event operation '" + code + "' (expected one of c, u, d, r, t, m)");
    }
}
