package io.hermesconnect.source.diff.fetch.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.schema.Schema;
import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchException.Refused;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows from entries a server should not send: the schema's word is checked, not trusted. */
class EntryColumnsTest {

    private static final String SOURCE = "ldap://directory";

    private final Schema schema = new Schema(new Entry("cn=schema", new Attribute("attributeTypes",
            "( 1.1.1 NAME ( 'label' 'tag' ) SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )",
            "( 1.1.2 NAME 'labels' SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 )")));

    @Test
    void aSingleValuedAttributeWithSeveralValuesFailsNamingItButNoValue() throws FetchException {
        EntryColumns columns = EntryColumns.resolve(SOURCE, schema, List.of("dn", "Label"));
        Entry entry = new Entry("cn=x", new Attribute("label", "first-value", "second-value"));

        assertThatThrownBy(() -> columns.row(entry))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.refused()).isEqualTo(Refused.QUERY);
                })
                .hasMessage("LDAP source ldap://directory: attribute 'Label' is single-valued in the server's schema, "
                        + "but an entry holds 2 values");
    }

    @Test
    void readsAnAttributeByAnotherOfItsNames() throws FetchException {
        EntryColumns columns = EntryColumns.resolve(SOURCE, schema, List.of("TAG", "labels"));

        assertThat(columns.row(new Entry("cn=x", new Attribute("label", "a"), new Attribute("labels", "b", "c"))))
                .containsExactly(Map.entry("dn", "cn=x"), Map.entry("TAG", "a"),
                        Map.entry("labels", List.of("b", "c")));
        assertThat(columns.searchAttributes()).containsExactly("TAG", "labels");
    }

    @Test
    void readingEverythingNamesColumnsByTheSchemaAndRejectsAnAttributeItDoesNotKnow() throws FetchException {
        EntryColumns columns = EntryColumns.resolve(SOURCE, schema, List.of());

        assertThat(columns.searchAttributes()).isEmpty();
        assertThat(columns.row(new Entry("cn=x", new Attribute("TAG", "a"), new Attribute("labels;lang-fr", "b"))))
                .containsOnlyKeys("dn", "label", "labels;lang-fr");
        assertThatThrownBy(() -> columns.row(new Entry("cn=x", new Attribute("shoeSize", "42"))))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.refused()).isEqualTo(Refused.COLUMN_TYPE);
                    assertThat(e.column()).isEqualTo("shoeSize");
                })
                .hasMessage("LDAP source ldap://directory: attribute 'shoeSize' is not in the server's schema");
    }

    @Test
    void onlyTheDnAsksForNoAttribute() throws FetchException {
        EntryColumns columns = EntryColumns.resolve(SOURCE, schema, List.of("DN"));

        assertThat(columns.searchAttributes()).containsExactly("1.1");
        assertThat(columns.row(new Entry("cn=x", new Attribute("label", "a")))).containsOnlyKeys("dn");
    }
}
