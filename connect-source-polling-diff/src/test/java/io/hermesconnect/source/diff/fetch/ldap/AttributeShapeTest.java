package io.hermesconnect.source.diff.fetch.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeShapeTest {

    private static final String OCTETS = "1.3.6.1.4.1.1466.115.121.1.40";
    private static final String TEXT = "1.3.6.1.4.1.1466.115.121.1.15";

    private final Schema schema;

    AttributeShapeTest() throws LDIFException {
        schema = new Schema(new com.unboundid.ldap.sdk.Entry("cn=schema",
                new Attribute("attributeTypes",
                        "( 1.1.1 NAME 'hash' SYNTAX " + OCTETS + " SINGLE-VALUE )",
                        "( 1.1.2 NAME 'hashes' SYNTAX " + OCTETS + " )",
                        "( 1.1.3 NAME 'label' SYNTAX " + TEXT + "{64} SINGLE-VALUE )",
                        "( 1.1.4 NAME 'labels' SYNTAX " + TEXT + " )",
                        "( 1.1.5 NAME 'subHash' SUP hash SINGLE-VALUE )")));
    }

    @Test
    void textOrBytesFromTheSyntaxOneOrManyFromSingleValue() {
        assertThat(shape("hash", false)).isEqualTo(AttributeShape.BYTES);
        assertThat(shape("hashes", false)).isEqualTo(AttributeShape.BYTES_LIST);
        assertThat(shape("label", false)).as("a length bound on the syntax").isEqualTo(AttributeShape.TEXT);
        assertThat(shape("labels", false)).isEqualTo(AttributeShape.TEXT_LIST);
        assertThat(shape("subHash", false)).as("syntax inherited from the superior type").isEqualTo(AttributeShape.BYTES);
        assertThat(shape("labels", true)).as(";binary").isEqualTo(AttributeShape.BYTES_LIST);
    }

    @Test
    void valuesKeepTheServersOrder() throws LDAPException {
        Attribute labels = new Attribute("labels", "b", "a", "c");
        Attribute hashes = new Attribute("hashes", new byte[][] {{2}, {1}});

        assertThat(AttributeShape.TEXT_LIST.value(labels)).isEqualTo(List.of("b", "a", "c"));
        assertThat(AttributeShape.TEXT.value(new Attribute("label", "x"))).isEqualTo("x");
        assertThat((List<?>) AttributeShape.BYTES_LIST.value(hashes)).satisfiesExactly(
                first -> assertThat(first).isEqualTo(new byte[] {2}), second -> assertThat(second).isEqualTo(new byte[] {1}));
        assertThat(AttributeShape.BYTES.value(new Attribute("hash", new byte[] {7}))).isEqualTo(new byte[] {7});
    }

    private AttributeShape shape(String name, boolean binaryOption) {
        return AttributeShape.of(schema.getAttributeType(name), schema, binaryOption);
    }
}
