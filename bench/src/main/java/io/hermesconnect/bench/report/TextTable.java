package io.hermesconnect.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with right-aligned columns (numbers read best that way), the first column left-aligned. */
public final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = List.of(header);
    }

    public TextTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null ? "-" : cell.toString());
        }
        rows.add(row);
        return this;
    }

    @Override
    public String toString() {
        int[] widths = new int[header.size()];
        for (List<String> row : allRows()) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        List<List<String>> all = allRows();
        for (int r = 0; r < all.size(); r++) {
            appendRow(out, all.get(r), widths);
            if (r == 0) {
                List<String> rule = new ArrayList<>();
                for (int width : widths) {
                    rule.add("-".repeat(width));
                }
                appendRow(out, rule, widths);
            }
        }
        return out.toString();
    }

    /** The same table in Markdown, for a report: first column left-aligned, the others right-aligned. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.size(); i++) {
            out.append(i == 0 ? " --- |" : " ---: |");
        }
        out.append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }

    private List<List<String>> allRows() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            out.append(i == 0 ? cell + pad : pad + cell);
            out.append(i == cells.size() - 1 ? "\n" : "  ");
        }
    }

    /** A number with {@code decimals} decimals, or null (shown as "-") when absent. */
    public static String number(Double value, int decimals) {
        return value == null ? null : String.format(java.util.Locale.ROOT, "%,." + decimals + "f", value);
    }
}
