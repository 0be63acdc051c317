package io.hermesconnect.source.diff.fetch.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.schema.AttributeTypeDefinition;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * How an attribute's values reach a row, from the server's schema: text or bytes, one value or a list (in the order the
 * server gives them).
 */
enum AttributeShape {
    /** A single-valued text attribute: a String. */
    TEXT(Schema.OPTIONAL_STRING_SCHEMA),
    /** A multi-valued text attribute: a List of String. */
    TEXT_LIST(SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).optional().build()),
    /** A single-valued binary attribute: a byte[]. */
    BYTES(Schema.OPTIONAL_BYTES_SCHEMA),
    /** A multi-valued binary attribute: a List of byte[]. */
    BYTES_LIST(SchemaBuilder.array(Schema.OPTIONAL_BYTES_SCHEMA).optional().build());

    /** The option that asks for an attribute's values in their binary transfer form (RFC 4522). */
    static final String BINARY_OPTION = "binary";

    /** Syntaxes whose values are bytes rather than text (RFC 4517, RFC 4523 and RFC 2252's audio and fax). */
    private static final Set<String> BINARY_SYNTAXES = Set.of(
            "1.3.6.1.4.1.1466.115.121.1.4",   // Audio
            "1.3.6.1.4.1.1466.115.121.1.5",   // Binary
            "1.3.6.1.4.1.1466.115.121.1.8",   // Certificate
            "1.3.6.1.4.1.1466.115.121.1.9",   // Certificate List
            "1.3.6.1.4.1.1466.115.121.1.10",  // Certificate Pair
            "1.3.6.1.4.1.1466.115.121.1.23",  // Fax
            "1.3.6.1.4.1.1466.115.121.1.28",  // JPEG
            "1.3.6.1.4.1.1466.115.121.1.40",  // Octet String
            "1.3.6.1.4.1.1466.115.121.1.49"); // Supported Algorithm

    private final Schema connectSchema;

    AttributeShape(Schema connectSchema) {
        this.connectSchema = connectSchema;
    }

    /**
     * The shape of an attribute type, its syntax inherited from its superior types.
     *
     * @param binaryOption whether the attribute was asked for with {@code ;binary}
     */
    static AttributeShape of(AttributeTypeDefinition type, com.unboundid.ldap.sdk.schema.Schema schema,
            boolean binaryOption) {
        boolean binary = binaryOption || BINARY_SYNTAXES.contains(type.getBaseSyntaxOID(schema));
        if (type.isSingleValued()) {
            return binary ? BYTES : TEXT;
        }
        return binary ? BYTES_LIST : TEXT_LIST;
    }

    /** The Connect schema of the values. */
    Schema connectSchema() {
        return connectSchema;
    }

    /** Whether an attribute of this shape holds at most one value. */
    boolean singleValued() {
        return this == TEXT || this == BYTES;
    }

    /** The attribute's values as this shape holds them. */
    Object value(Attribute attribute) {
        return switch (this) {
            case TEXT -> attribute.getValue();
            case TEXT_LIST -> Arrays.asList(attribute.getValues());
            case BYTES -> attribute.getValueByteArray();
            case BYTES_LIST -> List.of(attribute.getValueByteArrays());
        };
    }
}
