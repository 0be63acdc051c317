package io.hermesconnect.common.event;

/**
 * Names and parameters that tell consumers what a plain Connect value means (the Debezium equivalents
 * are {@code io.debezium.data.*}; the shapes are the same). Shared by the WAL source and the polling-diff
 * source's JDBC sources, so a column reaches Kafka with the same schema whichever source read it.
 */
public final class SemanticTypes {

    /** A JSON document (json, jsonb) as a string. */
    public static final String JSON = "io.hermesconnect.data.Json";
    /** A UUID as its canonical string. */
    public static final String UUID = "io.hermesconnect.data.Uuid";
    /** An enum label as a string; parameter {@link #ENUM_ALLOWED} lists the labels, comma-separated. */
    public static final String ENUM = "io.hermesconnect.data.Enum";
    public static final String ENUM_ALLOWED = "allowed";
    /**
     * An interval as an ISO-8601 duration string in PostgreSQL's {@code iso_8601} style, exact (months,
     * days and time kept apart): {@code P1Y2M3DT4H5M6.5S}, {@code P-1Y-2M3DT-4H}, {@code PT0S}.
     */
    public static final String INTERVAL = "io.hermesconnect.data.Interval";
    /**
     * An unconstrained {@code numeric} in precise mode: struct of {@code scale} (int32) and {@code value}
     * (bytes, the unscaled value as big-endian two's complement, as {@code BigInteger.toByteArray}).
     */
    public static final String VARIABLE_SCALE_DECIMAL = "io.hermesconnect.data.VariableScaleDecimal";
    public static final String VARIABLE_SCALE_DECIMAL_SCALE = "scale";
    public static final String VARIABLE_SCALE_DECIMAL_VALUE = "value";
    /** Precision of a Connect Decimal, the parameter name Avro converters read. */
    public static final String DECIMAL_PRECISION = "connect.decimal.precision";
    /**
     * Set on the schema of a column carried as its PostgreSQL text (money, inet, cidr, macaddr, xml,
     * ranges, geometric types, tsvector, bit strings, composites…): the type's name.
     */
    public static final String PG_TYPE = "hermes.pg.type";

    private SemanticTypes() {
    }
}
