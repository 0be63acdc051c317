package io.hermesconnect.source.wal.convert;

import io.hermesconnect.common.event.SemanticTypes;
import io.hermesconnect.common.event.VariableScaleDecimal;
import io.hermesconnect.source.wal.convert.TypeRegistry.PgType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Chooses the Connect schema and converter of a column from its type OID and modifier (DESIGN section
 * 4). Built-in types are recognised by their fixed OIDs; domains take their base type's conversion,
 * enums become strings listing their labels, arrays lists of their element's conversion, and every
 * other type its text, named by {@link SemanticTypes#PG_TYPE}.
 */
final class ColumnTypes {

    static final int BOOL = 16;
    static final int BYTEA = 17;
    static final int CHAR = 18;
    static final int NAME = 19;
    static final int INT8 = 20;
    static final int INT2 = 21;
    static final int INT2VECTOR = 22;
    static final int INT4 = 23;
    static final int TEXT = 25;
    static final int OID = 26;
    static final int OIDVECTOR = 30;
    static final int JSON = 114;
    static final int FLOAT4 = 700;
    static final int FLOAT8 = 701;
    static final int BPCHAR = 1042;
    static final int VARCHAR = 1043;
    static final int DATE = 1082;
    static final int TIME = 1083;
    static final int TIMESTAMP = 1114;
    static final int TIMESTAMPTZ = 1184;
    static final int INTERVAL = 1186;
    static final int TIMETZ = 1266;
    static final int NUMERIC = 1700;
    static final int UUID = 2950;
    static final int JSONB = 3802;

    /** Header size PostgreSQL adds to every type modifier of numeric (VARHDRSZ). */
    private static final int VARHDRSZ = 4;
    /** Domains over domains are allowed; cycles are not, but a corrupt catalog must not hang us. */
    private static final int MAX_DOMAIN_DEPTH = 32;

    private static final ValueConverter TEXT_VALUE = (b, off, len) -> new String(b, off, len, StandardCharsets.UTF_8);
    private static final ValueConverter ASCII_VALUE = TextNumbers::ascii;

    private final TypeRegistry types;
    private final DecimalHandlingMode decimals;

    ColumnTypes(TypeRegistry types, DecimalHandlingMode decimals) {
        this.types = types;
        this.decimals = decimals;
    }

    /** @param optional false only for primary-key columns */
    ColumnType of(int typeOid, int typmod, boolean optional) {
        return resolve(typeOid, typmod, optional, 0);
    }

    private ColumnType resolve(int oid, int typmod, boolean optional, int depth) {
        PgType type = types.get(oid);
        if (type == null) {
            return text(SchemaBuilder.string().parameter(SemanticTypes.PG_TYPE, "unknown:" + Integer.toUnsignedString(oid)),
                    optional, "unknown type " + Integer.toUnsignedString(oid));
        }
        if (type.kind() == 'd' && depth < MAX_DOMAIN_DEPTH) {
            return resolve(type.baseOid(), typmod >= 0 ? typmod : type.baseTypmod(), optional, depth + 1);
        }
        if (type.kind() == 'e') {
            return text(SchemaBuilder.string().name(SemanticTypes.ENUM)
                    .parameter(SemanticTypes.ENUM_ALLOWED, String.join(",", type.enumLabels())), optional, type.name());
        }
        if (type.category() == 'A' && type.elementOid() != 0 && oid != INT2VECTOR && oid != OIDVECTOR) {
            return array(type, typmod, optional);
        }
        return switch (oid) {
            case INT2 -> scalar(SchemaBuilder.int16(), optional, type, (b, off, len) -> (short) TextNumbers.parseInt(b, off, len));
            case INT4 -> scalar(SchemaBuilder.int32(), optional, type, TextNumbers::parseInt);
            case INT8, OID -> scalar(SchemaBuilder.int64(), optional, type, TextNumbers::parseLong);
            case FLOAT4 -> scalar(SchemaBuilder.float32(), optional, type, TextNumbers::parseFloat);
            case FLOAT8 -> scalar(SchemaBuilder.float64(), optional, type, TextNumbers::parseDouble);
            case BOOL -> scalar(SchemaBuilder.bool(), optional, type, (b, off, len) -> b[off] == 't');
            case NUMERIC -> numeric(typmod, optional, type);
            case BYTEA -> scalar(SchemaBuilder.bytes(), optional, type, Bytea::parse);
            case DATE -> scalar(Date.builder(), optional, type, DateTimes::date);
            case TIME -> scalar(Time.builder(), optional, type, DateTimes::time);
            case TIMETZ -> scalar(Time.builder(), optional, type, DateTimes::timeTz);
            case TIMESTAMP, TIMESTAMPTZ -> scalar(Timestamp.builder(), optional, type, DateTimes::timestamp);
            // our connections have the server write intervals as ISO-8601 durations (PgConnections)
            case INTERVAL -> scalar(SchemaBuilder.string().name(SemanticTypes.INTERVAL), optional, type, ASCII_VALUE);
            case UUID -> scalar(SchemaBuilder.string().name(SemanticTypes.UUID), optional, type, ASCII_VALUE);
            case JSON, JSONB -> text(SchemaBuilder.string().name(SemanticTypes.JSON), optional, type.name());
            case TEXT, VARCHAR, BPCHAR, NAME, CHAR -> text(SchemaBuilder.string(), optional, type.name());
            default -> type.category() == 'S' // citext and other string types from extensions
                    ? text(SchemaBuilder.string(), optional, type.name())
                    : text(SchemaBuilder.string().parameter(SemanticTypes.PG_TYPE, type.name()), optional, type.name());
        };
    }

    private ColumnType array(PgType arrayType, int typmod, boolean optional) {
        // elements may be NULL whatever the column says; an array's typmod is its element's
        ColumnType element = resolve(arrayType.elementOid(), typmod, true, 0);
        PgType elementType = types.get(arrayType.elementOid());
        byte delimiter = (byte) (elementType == null ? ',' : elementType.delimiter());
        ValueConverter elements = element.converter();
        return new ColumnType(build(SchemaBuilder.array(element.schema()), optional),
                (b, off, len) -> ArrayLiteral.parse(b, off, len, elements, delimiter), arrayType.name());
    }

    private ColumnType numeric(int typmod, boolean optional, PgType type) {
        return switch (decimals) {
            case DOUBLE -> scalar(SchemaBuilder.float64(), optional, type, TextNumbers::parseDouble);
            case STRING -> scalar(SchemaBuilder.string(), optional, type, ASCII_VALUE);
            case PRECISE -> typmod >= VARHDRSZ ? fixedScale(typmod, optional, type) : variableScale(optional, type);
        };
    }

    private ColumnType fixedScale(int typmod, boolean optional, PgType type) {
        int precision = (typmod - VARHDRSZ) >>> 16 & 0xFFFF;
        // 11-bit signed scale: PostgreSQL 15+ allows negative scales (numeric(3,-2))
        int scale = (((typmod - VARHDRSZ) & 0x7FF) ^ 1024) - 1024;
        return scalar(Decimal.builder(scale).parameter(SemanticTypes.DECIMAL_PRECISION, Integer.toString(precision)),
                optional, type, (b, off, len) -> {
                    if (TextNumbers.isSpecial(b, off, len)) {
                        return null;
                    }
                    BigDecimal value = TextNumbers.parseDecimal(b, off, len);
                    return value.scale() == scale ? value : value.setScale(scale, RoundingMode.HALF_UP);
                });
    }

    private ColumnType variableScale(boolean optional, PgType type) {
        Schema schema = VariableScaleDecimal.schema(optional);
        return new ColumnType(schema, (b, off, len) -> TextNumbers.isSpecial(b, off, len)
                ? null : VariableScaleDecimal.struct(schema, TextNumbers.parseDecimal(b, off, len)), type.name());
    }

    private static ColumnType scalar(SchemaBuilder schema, boolean optional, PgType type, ValueConverter converter) {
        return new ColumnType(build(schema, optional), converter, type.name());
    }

    private static ColumnType text(SchemaBuilder schema, boolean optional, String typeName) {
        return new ColumnType(build(schema, optional), TEXT_VALUE, typeName);
    }

    private static Schema build(SchemaBuilder schema, boolean optional) {
        return optional ? schema.optional().build() : schema.build();
    }
}
