package io.hermesconnect.transforms;

import io.hermesconnect.common.Version;
import io.hermesconnect.common.event.TransactionMetadata;
import io.hermesconnect.transforms.mapping.JinjaMappingConfig;
import io.hermesconnect.transforms.mapping.Mapping;
import io.hermesconnect.transforms.mapping.ValuePlan;
import io.hermesconnect.transforms.match.RecordErrors;
import java.util.Map;
import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.common.cache.SynchronizedCache;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Computes attributes from Jinja templates over the row, drops and renames fields, and optionally
 * recomputes the key ({@link JinjaMappingConfig}). On a change event (ours or Debezium's) both
 * {@code before} and {@code after} are mapped alike; any other Struct value is mapped as a row.
 * Tombstones and transaction metadata records pass through untouched.
 *
 * <p>The value has no Key variant: the key is an output of the row mapping ({@code key.fields}), not a
 * row of its own. Output schemas are built once per input schema and kept in a small LRU cache.
 */
public final class JinjaMapping<R extends ConnectRecord<R>> implements Transformation<R> {

    public static final String OVERVIEW_DOC = "Computes attributes from Jinja templates over the row (before and after "
            + "alike), drops and renames fields, and optionally recomputes the key.";

    private static final int SCHEMA_CACHE_SIZE = 16;

    private Mapping mapping;
    private Cache<Schema, ValuePlan> plans;
    /**
     * The plan of the schema seen last, tried first by identity: a source hands one Schema instance per table, so
     * records come in runs of it, and the cache's lookup hashes the whole schema (a fifth of a mapping's time).
     * Immutable, so a plain field publishes it safely.
     */
    private RecentPlan recent;

    private record RecentPlan(Schema schema, ValuePlan plan) {
    }

    @Override
    public void configure(Map<String, ?> configs) {
        mapping = new JinjaMappingConfig(configs).mapping();
        plans = new SynchronizedCache<>(new LRUCache<>(SCHEMA_CACHE_SIZE));
    }

    @Override
    public R apply(R record) {
        if (record.value() == null || TransactionMetadata.isTransactionRecord(record)) {
            return record;
        }
        if (!(record.value() instanceof Struct value)) {
            throw RecordErrors.error("JinjaMapping", record, "only Struct values are supported, found a "
                    + record.value().getClass().getSimpleName(), null);
        }
        ValuePlan plan = plan(value.schema(), record);
        Struct mapped = plan.map(value, record);
        Struct key = plan.keySchema() == null ? null : plan.key(mapped, record);
        return key == null
                ? record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                        plan.schema(), mapped, record.timestamp())
                : record.newRecord(record.topic(), record.kafkaPartition(), plan.keySchema(), key,
                        plan.schema(), mapped, record.timestamp());
    }

    private ValuePlan plan(Schema schema, R record) {
        RecentPlan last = recent;
        if (last != null && last.schema() == schema) {
            return last.plan();
        }
        ValuePlan plan = plans.get(schema);
        if (plan == null) {
            try {
                plan = ValuePlan.build(schema, mapping);
            } catch (DataException e) {
                throw RecordErrors.error("JinjaMapping", record, e.getMessage(), e);
            }
            plans.put(schema, plan);
        }
        recent = new RecentPlan(schema, plan);
        return plan;
    }

    @Override
    public ConfigDef config() {
        return JinjaMappingConfig.CONFIG_DEF;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void close() {
        plans = null;
        recent = null;
    }
}
