package io.hermesconnect.source.wal.config;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which schemas, tables and columns the connector captures, with Debezium's semantics: each list holds
 * regular expressions matched (whole, case-insensitively) against {@code schema}, {@code schema.table} or
 * {@code schema.table.column}; an include list keeps only what matches, an exclude list drops what matches.
 * PostgreSQL's own schemas are never captured.
 */
public final class TableFilter {

    private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema", "pg_toast");

    private final List<Pattern> schemaInclude;
    private final List<Pattern> schemaExclude;
    private final List<Pattern> tableInclude;
    private final List<Pattern> tableExclude;
    private final List<Pattern> columnInclude;
    private final List<Pattern> columnExclude;

    public TableFilter(List<String> schemaInclude, List<String> schemaExclude, List<String> tableInclude,
            List<String> tableExclude, List<String> columnInclude, List<String> columnExclude) {
        this.schemaInclude = compile(schemaInclude);
        this.schemaExclude = compile(schemaExclude);
        this.tableInclude = compile(tableInclude);
        this.tableExclude = compile(tableExclude);
        this.columnInclude = compile(columnInclude);
        this.columnExclude = compile(columnExclude);
    }

    /** Captures every table of every user schema. */
    public static TableFilter all() {
        return new TableFilter(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public boolean includeTable(String schema, String table) {
        if (SYSTEM_SCHEMAS.contains(schema) || schema.startsWith("pg_temp") || schema.startsWith("pg_toast")) {
            return false;
        }
        return passes(schema, schemaInclude, schemaExclude) && passes(schema + "." + table, tableInclude, tableExclude);
    }

    public boolean includeColumn(String schema, String table, String column) {
        return passes(schema + "." + table + "." + column, columnInclude, columnExclude);
    }

    /** The table include list's patterns, for the live check that each names an existing table. */
    public List<Pattern> tableIncludePatterns() {
        return tableInclude;
    }

    private static boolean passes(String name, List<Pattern> include, List<Pattern> exclude) {
        if (!include.isEmpty() && include.stream().noneMatch(p -> p.matcher(name).matches())) {
            return false;
        }
        return exclude.stream().noneMatch(p -> p.matcher(name).matches());
    }

    private static List<Pattern> compile(List<String> regexes) {
        return regexes.stream().map(String::trim).filter(r -> !r.isEmpty())
                .map(r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE)).toList();
    }
}
