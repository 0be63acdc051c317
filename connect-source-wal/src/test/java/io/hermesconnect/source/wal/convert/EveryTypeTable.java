package io.hermesconnect.source.wal.convert;

import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.util.EnumMap;
import java.util.Map;

/**
 * A database on the shared test server with a table holding every type family the connector maps,
 * created once per PostgreSQL major for all integration tests of this JVM.
 */
public final class EveryTypeTable {

    public static final String TABLE = "every_type";

    public static final String DDL = """
            CREATE EXTENSION citext;
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            CREATE DOMAIN positive_int AS int4 CHECK (VALUE > 0);
            CREATE DOMAIN amount AS numeric(10,2);
            CREATE TABLE every_type (
              id int8 PRIMARY KEY,
              c_int2 int2, c_int4 int4, c_oid oid, c_float4 float4, c_float8 float8,
              c_numeric numeric(10,2), c_numeric_free numeric, c_bool bool,
              c_text text, c_varchar varchar(20), c_bpchar char(5), c_name name, c_char "char", c_citext citext,
              c_bytea bytea,
              c_date date, c_time time(3), c_timetz timetz, c_timestamp timestamp, c_timestamptz timestamptz,
              c_interval interval,
              c_uuid uuid, c_json json, c_jsonb jsonb,
              c_int_array int4[], c_text_array text[], c_numeric_array numeric(5,2)[], c_date_array date[],
              c_mood mood, c_mood_array mood[], c_positive positive_int, c_amount amount,
              c_money money, c_inet inet, c_cidr cidr, c_macaddr macaddr, c_xml xml, c_range int4range,
              c_point point, c_box box, c_tsvector tsvector, c_bit bit(3),
              c_dropped int,
              c_generated int8 GENERATED ALWAYS AS (id * 2) STORED
            );
            ALTER TABLE every_type DROP COLUMN c_dropped;
            """;

    /** One row with edge values in every column (id 1). */
    public static final String INSERT_EDGES = """
            INSERT INTO every_type VALUES (1,
              -32768, 2147483647, 4294967295, 1.5, -1.7976931348623157e308,
              12345678.90, 'NaN', true,
              'héllo ✓', 'var', 'ab', 'nm', 'x', 'MiXeD',
              '\\x00ff10'::bytea,
              '0044-03-15 BC', '24:00:00', '13:45:00+02', 'infinity', '2024-01-02 03:04:05.123456+01',
              '-1 years -2 mons +3 days -04:05:06.5',
              'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": [1, "é"]}', '{"b":   null}',
              '{{1,2},{3,NULL}}', ARRAY['a,b', 'say "hi"', 'back\\slash', NULL, 'NULL', '', '{x}'],
              '{1.5,NaN}', '{infinity,2024-02-29}',
              'happy', '{sad,happy}', 42, 10.5,
              1000.5, '192.168.0.1/24', '10.0.0.0/8', '08:00:2b:01:02:03', '<a>b</a>', '[1,5)',
              '(1,2)', '((0,0),(1,1))', 'a fat cat', B'101')
            """;

    private static final Map<PostgresVersion, String> DATABASES = new EnumMap<>(PostgresVersion.class);

    private EveryTypeTable() {
    }

    /** The database holding the table on the shared server of this major. */
    public static synchronized String database(PostgresVersion version) {
        return DATABASES.computeIfAbsent(version, v -> {
            PostgresServer server = PostgresServer.shared(v);
            String database = UniqueNames.of("every_type");
            server.createDatabase(database);
            server.executeIn(database, DDL);
            return database;
        });
    }
}
