package io.hermesconnect.source.wal.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.common.event.SchemaParameters;
import io.hermesconnect.common.event.UnchangedToast;
import io.hermesconnect.source.wal.pgoutput.RelationMessage;
import io.hermesconnect.source.wal.pgoutput.RelationMessage.Column;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class TableSchemaFactoryTest {

    private static final RelationMessage USERS = new RelationMessage(16_400, "app", "user-accounts", 'd', List.of(
            new Column("id", ColumnTypes.INT8, -1, true),
            new Column("name", ColumnTypes.TEXT, -1, false),
            new Column("password", ColumnTypes.TEXT, -1, false),
            new Column("balance", ColumnTypes.NUMERIC, TestTypes.numericTypmod(10, 2), false),
            new Column("tags", 1009, -1, false),
            new Column("photo", ColumnTypes.BYTEA, -1, false)));

    private final TableSchemaFactory factory = new TableSchemaFactory("shop", TestTypes.registry(), DecimalHandlingMode.PRECISE,
            (schema, table, column) -> !column.equals("password"));

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void set(RowBuilder row, int column, String text) {
        byte[] bytes = utf8(text);
        row.set(column, bytes, 0, bytes.length);
    }

    @Test
    void namesFollowThePrefixSchemaAndTable() {
        TableSchema table = factory.fromRelation(USERS, List.of("id"));
        assertThat(table.relationOid()).isEqualTo(16_400);
        assertThat(table.schema()).isEqualTo("app");
        assertThat(table.table()).isEqualTo("user-accounts");
        assertThat(table.dataCollection()).isEqualTo("app.user-accounts");
        assertThat(table.replicaIdentity()).isEqualTo('d');
        assertThat(table.relation()).isEqualTo(USERS);
        assertThat(table.schemas().rowSchema().name()).isEqualTo("shop.app.user_accounts.Value");
        assertThat(table.schemas().keySchema().name()).isEqualTo("shop.app.user_accounts.Key");
        assertThat(SchemaParameters.primaryKey(table.schemas().valueSchema())).containsExactly("id");
    }

    @Test
    void onlyPrimaryKeyColumnsAreRequiredAndExcludedColumnsAreLeftOut() {
        Schema row = factory.fromRelation(USERS, List.of("id")).schemas().rowSchema();
        assertThat(row.fields()).extracting(f -> f.name()).containsExactly("id", "name", "balance", "tags", "photo");
        assertThat(row.field("id").schema()).isEqualTo(Schema.INT64_SCHEMA);
        assertThat(row.field("name").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(row.isOptional()).isTrue();
    }

    @Test
    void primaryKeyColumnsSurviveTheColumnFilter() {
        TableSchema table = factory.fromRelation(USERS, List.of("password"));
        assertThat(table.schemas().rowSchema().field("password").schema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(table.primaryKey()).containsExactly("password");
    }

    @Test
    void keyColumnsTheRelationDoesNotHaveAreIgnored() {
        TableSchema table = factory.fromRelation(USERS, List.of("id", "dropped_later"));
        assertThat(table.primaryKey()).containsExactly("id");
        assertThat(table.schemas().keySchema().fields()).hasSize(1);
    }

    @Test
    void noKeyMeansNoKeySchema() {
        TableSchema table = factory.fromRelation(USERS, List.of());
        assertThat(table.primaryKey()).isEmpty();
        assertThat(table.schemas().keySchema()).isNull();
        assertThat(table.schemas().rowSchema().field("id").schema()).isEqualTo(Schema.OPTIONAL_INT64_SCHEMA);
    }

    @Test
    void sameRelationGivesEqualSchemas() {
        assertThat(factory.fromRelation(USERS, List.of("id")).schemas().valueSchema())
                .isEqualTo(factory.fromRelation(USERS, List.of("id")).schemas().valueSchema());
    }

    @Test
    void buildsRowsFromTextValues() {
        RowBuilder row = factory.fromRelation(USERS, List.of("id")).newRow();
        assertThat(row.columnCount()).isEqualTo(6);
        set(row, 0, "7");
        set(row, 1, "Ada");
        set(row, 2, "not a number but excluded, so never converted");
        set(row, 3, "12.50");
        set(row, 4, "{x,\"y z\"}");
        row.setNull(5);
        Struct struct = row.build();
        struct.validate();
        assertThat(struct.getInt64("id")).isEqualTo(7L);
        assertThat(struct.getString("name")).isEqualTo("Ada");
        assertThat(struct.schema().field("password")).isNull();
        assertThat(struct.get("balance")).isEqualTo(new BigDecimal("12.50"));
        assertThat(struct.getArray("tags")).containsExactly("x", "y z");
        assertThat(struct.getBytes("photo")).isNull();
    }

    @Test
    void buildStartsAFreshRow() {
        RowBuilder row = factory.fromRelation(USERS, List.of("id")).newRow();
        set(row, 0, "1");
        set(row, 1, "first");
        Struct first = row.build();
        set(row, 0, "2");
        Struct second = row.build();
        assertThat(first.getString("name")).isEqualTo("first");
        assertThat(second.getInt64("id")).isEqualTo(2L);
        assertThat(second.getString("name")).isNull();
        assertThat(row.build()).as("an empty row").isNotNull().isNotSameAs(second);
    }

    @Test
    void setNullClearsAValueSetBefore() {
        RowBuilder row = factory.fromRelation(USERS, List.of("id")).newRow();
        set(row, 1, "x");
        row.setNull(1);
        assertThat(row.build().getString("name")).isNull();
    }

    @Test
    void unchangedToastPlaceholders() {
        RowBuilder row = factory.fromRelation(USERS, List.of("id")).newRow();
        set(row, 0, "1");
        for (int i = 1; i < 6; i++) {
            row.setUnchangedToast(i);
        }
        Struct struct = row.build();
        struct.validate();
        assertThat(struct.getString("name")).isEqualTo(UnchangedToast.PLACEHOLDER);
        assertThat(struct.get("balance")).as("numeric cannot hold a marker").isNull();
        assertThat(struct.getArray("tags")).containsExactly(UnchangedToast.PLACEHOLDER);
        assertThat(struct.getBytes("photo")).isEqualTo(UnchangedToast.PLACEHOLDER.getBytes(StandardCharsets.UTF_8));
        assertThat(UnchangedToast.placeholderBytes()).isNotSameAs(UnchangedToast.placeholderBytes());
    }

    @Test
    void copiesValuesFromAnotherRow() {
        TableSchema table = factory.fromRelation(USERS, List.of("id"));
        RowBuilder old = table.newRow();
        set(old, 1, "kept");
        Struct before = old.build();
        RowBuilder row = table.newRow();
        row.copy(1, before);
        row.copy(2, before);
        assertThat(row.build().getString("name")).isEqualTo("kept");
    }

    @Test
    void conversionErrorsNameTheColumnButNotTheValue() {
        RowBuilder row = factory.fromRelation(USERS, List.of("id")).newRow();
        assertThatThrownBy(() -> set(row, 0, "s3cr3t"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'id'").hasMessageContaining("app.user-accounts").hasMessageContaining("int8")
                .hasMessageContaining("NumberFormatException")
                .hasMessageNotContaining("s3cr3t")
                .hasNoCause();
    }
}
