package io.hermesconnect.source.wal.convert;

import io.hermesconnect.source.wal.convert.TypeRegistry.PgType;
import java.util.ArrayList;
import java.util.List;

/** A type registry with the built-in types the tests use and a few user types, without a server. */
public final class TestTypes {

    public static final int POSITIVE_INT_DOMAIN = 90001;
    public static final int MONEY_DOMAIN = 90002;
    public static final int MOOD_ENUM = 90003;
    public static final int CITEXT = 90004;
    public static final int MOOD_ARRAY = 90005;
    public static final int DOMAIN_OVER_DOMAIN = 90006;

    private TestTypes() {
    }

    public static TypeRegistry registry() {
        List<PgType> types = new ArrayList<>();
        base(types, 16, "bool", 'B');
        base(types, 17, "bytea", 'U');
        base(types, 18, "char", 'Z');
        base(types, 19, "name", 'S');
        base(types, 20, "int8", 'N');
        base(types, 21, "int2", 'N');
        types.add(new PgType(22, "pg_catalog", "int2vector", 'b', 'A', 21, 0, -1, ',', List.of()));
        base(types, 23, "int4", 'N');
        base(types, 25, "text", 'S');
        base(types, 26, "oid", 'N');
        base(types, 114, "json", 'U');
        base(types, 142, "xml", 'U');
        base(types, 603, "box", 'G', ';');
        base(types, 700, "float4", 'N');
        base(types, 701, "float8", 'N');
        base(types, 790, "money", 'N');
        base(types, 869, "inet", 'I');
        base(types, 1042, "bpchar", 'S');
        base(types, 1043, "varchar", 'S');
        base(types, 1082, "date", 'D');
        base(types, 1083, "time", 'D');
        base(types, 1114, "timestamp", 'D');
        base(types, 1184, "timestamptz", 'D');
        base(types, 1186, "interval", 'T');
        base(types, 1266, "timetz", 'D');
        base(types, 1700, "numeric", 'N');
        base(types, 2950, "uuid", 'U');
        base(types, 3802, "jsonb", 'U');
        types.add(new PgType(3904, "pg_catalog", "int4range", 'r', 'R', 0, 0, -1, ',', List.of()));
        array(types, 1000, "_bool", 16);
        array(types, 1001, "_bytea", 17);
        array(types, 1007, "_int4", 23);
        array(types, 1009, "_text", 25);
        array(types, 1016, "_int8", 20);
        array(types, 1020, "_box", 603);
        array(types, 1022, "_float8", 701);
        array(types, 1182, "_date", 1082);
        array(types, 1185, "_timestamptz", 1184);
        array(types, 1231, "_numeric", 1700);
        array(types, 2951, "_uuid", 2950);
        array(types, MOOD_ARRAY, "_mood", MOOD_ENUM);
        types.add(new PgType(POSITIVE_INT_DOMAIN, "public", "positive_int", 'd', 'N', 0, 23, -1, ',', List.of()));
        types.add(new PgType(MONEY_DOMAIN, "public", "amount", 'd', 'N', 0, 1700, numericTypmod(10, 2), ',', List.of()));
        types.add(new PgType(DOMAIN_OVER_DOMAIN, "public", "small_positive", 'd', 'N', 0, POSITIVE_INT_DOMAIN, -1, ',', List.of()));
        types.add(new PgType(MOOD_ENUM, "public", "mood", 'e', 'E', 0, 0, -1, ',', List.of("sad", "ok", "happy")));
        base(types, CITEXT, "citext", 'S');
        return TypeRegistry.of(types);
    }

    /** The atttypmod of {@code numeric(precision, scale)}. */
    public static int numericTypmod(int precision, int scale) {
        return (precision << 16 | scale & 0x7FF) + 4;
    }

    private static void base(List<PgType> types, int oid, String name, char category) {
        base(types, oid, name, category, ',');
    }

    private static void base(List<PgType> types, int oid, String name, char category, char delimiter) {
        types.add(new PgType(oid, "pg_catalog", name, 'b', category, 0, 0, -1, delimiter, List.of()));
    }

    private static void array(List<PgType> types, int oid, String name, int element) {
        types.add(new PgType(oid, "pg_catalog", name, 'b', 'A', element, 0, -1, ',', List.of()));
    }
}
