package io.hermesconnect.source.wal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableFilterTest {

    @Test
    void includeListsMatchWholeNamesCaseInsensitively() {
        TableFilter filter = new TableFilter(List.of(), List.of(), List.of("public\\.ord.*", "INV.items"), List.of(),
                List.of(), List.of("public.orders.secret"));

        assertThat(filter.includeTable("public", "orders")).isTrue();
        assertThat(filter.includeTable("inv", "items")).isTrue();
        assertThat(filter.includeTable("public", "customers")).isFalse();
        assertThat(filter.includeTable("xpublic", "orders")).isFalse();
        assertThat(filter.includeColumn("public", "orders", "secret")).isFalse();
        assertThat(filter.includeColumn("public", "orders", "total")).isTrue();
    }

    @Test
    void systemSchemasAreNeverCaptured() {
        TableFilter all = TableFilter.all();
        assertThat(all.includeTable("pg_catalog", "pg_class")).isFalse();
        assertThat(all.includeTable("information_schema", "tables")).isFalse();
        assertThat(all.includeTable("app", "t")).isTrue();
    }

    @Test
    void schemaExcludeDropsWholeSchemas() {
        TableFilter filter = new TableFilter(List.of(), List.of("audit"), List.of(), List.of(), List.of(), List.of());
        assertThat(filter.includeTable("audit", "log")).isFalse();
        assertThat(filter.includeTable("public", "log")).isTrue();
    }
}
