package io.hermesconnect.source.diff.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.source.diff.store.StoredKey;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

class KeySchemasTest {

    @Test
    void aStoredKeyGivesBackTheExactSchemaOfEachKeyField() {
        Schema key = SchemaBuilder.struct().name("p.T.Key")
                .field("id", Schema.INT32_SCHEMA)
                .field("day", Date.SCHEMA)
                .field("at", Timestamp.SCHEMA)
                .field("amount", Decimal.schema(2))
                .field("zoned", SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").build())
                .build();

        StoredKey stored = KeySchemas.stored(key);

        assertThat(stored.attributes()).containsExactly("id", "day", "at", "amount", "zoned");
        assertThat(KeySchemas.schemas(stored)).containsExactly(Schema.INT32_SCHEMA, Date.SCHEMA, Timestamp.SCHEMA,
                Decimal.schema(2), SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").build());
    }
}
