package io.hermesconnect.source.diff.config;

import io.hermesconnect.common.jinja.JinjaEngine;
import io.hermesconnect.common.jinja.TemplateException;
import io.hermesconnect.source.diff.model.NamedTemplate;
import io.hermesconnect.source.diff.model.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * How one source gives one attribute ({@code types.<T>.sources.<S>.attrs.<attr>}): a column, a list of columns whose
 * non-null values are combined into a list, or a template that is entirely one Jinja expression over the row's
 * columns. Each knows the key it was read from, so that every problem names it.
 */
sealed interface MappedAttribute {

    /** The mapping's config key. */
    String key();

    /** The attribute's value in a row; null when absent. */
    Object value(Map<String, Object> row);

    /** The columns it reads by name; a template's are known only when it is a bare reference ({@code {{ cn }}}). */
    Set<String> columns();

    /**
     * The attribute's Connect schema, given the query's columns; every column read must be there.
     *
     * @param declared the schema {@code attribute.types} gives the attribute, or null
     * @throws InvalidSettingException naming the key when the columns' schemas do not fit
     */
    Schema schema(Map<String, Schema> columns, Schema declared);

    /**
     * Parses a mapping: {@code cn} (a column), {@code [mail, alias]} (a list of columns) or {@code {{ expression }}}.
     *
     * @throws InvalidSettingException naming the key when the value is none of these or the template does not compile
     */
    static MappedAttribute parse(String key, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new InvalidSettingException(key, "The mapping is empty; give a column, [column, column] or {{ expression }}");
        }
        if (text.contains("{{") || text.contains("{%")) {
            return Expression.compile(key, text);
        }
        if (text.startsWith("[") && text.endsWith("]")) {
            List<String> names = Arrays.stream(text.substring(1, text.length() - 1).split(",", -1)).map(String::strip).toList();
            if (names.stream().anyMatch(String::isEmpty)) {
                throw new InvalidSettingException(key, "A list of columns is [column, column, ...], each column named");
            }
            return new ColumnList(key, names);
        }
        if (text.contains(",") || text.contains("[") || text.contains("]")) {
            throw new InvalidSettingException(key, "A list of columns is written [column, column, ...]");
        }
        return new Column(key, text);
    }

    /** A schema as error messages name it: its logical name, else its type, e.g. {@code array of int64}. */
    static String describe(Schema schema) {
        if (schema.type() == Schema.Type.ARRAY) {
            return "array of " + describe(schema.valueSchema());
        }
        return schema.name() != null ? schema.name() : schema.type().getName();
    }

    /** A column's value. */
    record Column(String key, String column) implements MappedAttribute {
        @Override
        public Object value(Map<String, Object> row) {
            return row.get(column);
        }

        @Override
        public Set<String> columns() {
            return Set.of(column);
        }

        @Override
        public Schema schema(Map<String, Schema> columns, Schema declared) {
            return columns.get(column);
        }
    }

    /** The non-null values of columns, in the order listed, as a list. */
    record ColumnList(String key, List<String> names) implements MappedAttribute {
        /** Copies the names. */
        public ColumnList {
            names = List.copyOf(names);
        }

        @Override
        public Object value(Map<String, Object> row) {
            List<Object> values = new ArrayList<>(names.size());
            for (String name : names) {
                Object value = row.get(name);
                if (!Values.isAbsent(value)) {
                    values.add(value);
                }
            }
            return values;
        }

        @Override
        public Set<String> columns() {
            return Set.copyOf(names);
        }

        @Override
        public Schema schema(Map<String, Schema> columns, Schema declared) {
            Schema element = columns.get(names.get(0));
            for (String name : names) {
                if (!columns.get(name).equals(element)) {
                    throw new InvalidSettingException(key, "The columns of a list must have one type, and '" + names.get(0)
                            + "' is " + MappedAttribute.describe(element) + " while '" + name + "' is "
                            + MappedAttribute.describe(columns.get(name)));
                }
            }
            return SchemaBuilder.array(element).optional().build();
        }
    }

    /** A Jinja expression over the row's columns. */
    record Expression(NamedTemplate template) implements MappedAttribute {

        static Expression compile(String key, String text) {
            try {
                NamedTemplate template = new NamedTemplate(key, JinjaEngine.shared().compile(text));
                if (!template.template().isSingleExpression()) {
                    throw new InvalidSettingException(key, "A template mapping must be entirely one Jinja expression, {{ ... }}");
                }
                return new Expression(template);
            } catch (TemplateException e) {
                throw new InvalidSettingException(key, e.getMessage());
            }
        }

        @Override
        public String key() {
            return template.configKey();
        }

        @Override
        public Object value(Map<String, Object> row) {
            return template.render(row, "a row of the source");
        }

        @Override
        public Set<String> columns() {
            return template.template().variableReference().filter(path -> !path.contains(".")).map(Set::of).orElse(Set.of());
        }

        /** The declared type; else a bare reference keeps its column's schema; else an optional string. */
        @Override
        public Schema schema(Map<String, Schema> columns, Schema declared) {
            if (declared != null) {
                return declared;
            }
            return columns().stream().findFirst().map(columns::get).orElse(Schema.OPTIONAL_STRING_SCHEMA);
        }
    }
}
