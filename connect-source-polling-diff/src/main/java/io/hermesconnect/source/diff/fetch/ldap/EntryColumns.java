package io.hermesconnect.source.diff.fetch.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.schema.AttributeTypeDefinition;
import com.unboundid.ldap.sdk.schema.Schema;
import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchException.Refused;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of one LDAP query: the entry's DN under {@value #DN}, then each requested attribute under the name the
 * query gives it (matched against the entry case-insensitively and by the schema's other names for it), shaped by the
 * server's schema. With no attributes requested, every user attribute, named as the schema first names its type.
 */
final class EntryColumns {

    /** The column that holds the entry's DN. */
    static final String DN = "dn";

    /** Asks the server for no attribute at all (RFC 4511). */
    static final String NO_ATTRIBUTES = "1.1";

    private final String source;
    private final Schema schema;
    private final boolean everyAttribute;
    private final Map<String, AttributeShape> requested;

    private EntryColumns(String source, Schema schema, boolean everyAttribute, Map<String, AttributeShape> requested) {
        this.source = source;
        this.schema = schema;
        this.everyAttribute = everyAttribute;
        this.requested = requested;
    }

    /**
     * Resolves the requested attributes against the server's schema.
     *
     * @param source     the servers, to name in messages
     * @param attributes the attributes as the query lists them; empty for every user attribute
     * @throws FetchException when an attribute is not in the schema (naming it)
     */
    static EntryColumns resolve(String source, Schema schema, List<String> attributes) throws FetchException {
        Map<String, AttributeShape> requested = new LinkedHashMap<>();
        for (String name : attributes) {
            if (!DN.equalsIgnoreCase(name)) {
                requested.put(name, shape(source, schema, name));
            }
        }
        return new EntryColumns(source, schema, attributes.isEmpty(), requested);
    }

    /** The attributes to ask the server for. */
    String[] searchAttributes() {
        if (everyAttribute) {
            return new String[0];
        }
        return requested.isEmpty() ? new String[] {NO_ATTRIBUTES} : requested.keySet().toArray(String[]::new);
    }

    /** Each column's Connect schema, {@value #DN} first. */
    Map<String, org.apache.kafka.connect.data.Schema> connectSchemas() {
        Map<String, org.apache.kafka.connect.data.Schema> schemas = new LinkedHashMap<>();
        schemas.put(DN, org.apache.kafka.connect.data.Schema.OPTIONAL_STRING_SCHEMA);
        if (everyAttribute) {
            for (AttributeTypeDefinition type : schema.getUserAttributeTypes()) {
                schemas.put(type.getNameOrOID(), AttributeShape.of(type, schema, false).connectSchema());
            }
        } else {
            requested.forEach((name, shape) -> schemas.put(name, shape.connectSchema()));
        }
        return schemas;
    }

    /**
     * The row of an entry; attributes the entry lacks are left out.
     *
     * @throws FetchException when a single-valued attribute holds several values, or an attribute is not in the schema
     */
    Map<String, Object> row(Entry entry) throws FetchException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(DN, entry.getDN());
        if (everyAttribute) {
            for (Attribute attribute : entry.getAttributes()) {
                AttributeShape shape = shape(source, schema, attribute.getName()); // first: it checks the schema
                put(row, columnName(attribute), shape, attribute);
            }
        } else {
            for (Map.Entry<String, AttributeShape> column : requested.entrySet()) {
                Attribute attribute = entry.getAttribute(column.getKey(), schema);
                if (attribute != null) {
                    put(row, column.getKey(), column.getValue(), attribute);
                }
            }
        }
        return row;
    }

    private void put(Map<String, Object> row, String column, AttributeShape shape, Attribute attribute)
            throws FetchException {
        if (shape.singleValued() && attribute.size() > 1) {
            throw LdapFailures.configError(source, "attribute '" + column + "' is single-valued in the server's "
                    + "schema, but an entry holds " + attribute.size() + " values", Refused.QUERY, null);
        }
        row.put(column, shape.value(attribute));
    }

    /** The schema's first name of the attribute's type, with the attribute's options (e.g. {@code cn;lang-fr}). */
    private String columnName(Attribute attribute) {
        String typeName = schema.getAttributeType(attribute.getBaseName()).getNameOrOID();
        Set<String> options = attribute.getOptions();
        List<String> parts = new ArrayList<>(options.size() + 1);
        parts.add(typeName);
        parts.addAll(options);
        return String.join(";", parts);
    }

    private static AttributeShape shape(String source, Schema schema, String name) throws FetchException {
        AttributeTypeDefinition type = schema.getAttributeType(Attribute.getBaseName(name));
        if (type == null) {
            throw LdapFailures.unknownAttribute(source, name);
        }
        boolean binaryOption = Attribute.getOptions(name).stream()
                .anyMatch(AttributeShape.BINARY_OPTION::equalsIgnoreCase);
        return AttributeShape.of(type, schema, binaryOption);
    }
}
