package io.hermesconnect.bench.sink;

import io.hermesconnect.bench.report.TextTable;
import java.util.List;

/**
 * One measured run: {@code entries} of an {@code operation} applied by {@code side}. {@code ratio} is its rate over
 * its {@code baseline}'s (the plain client's run of the operation, or the connector's creates for the creates with
 * objects parked), null until {@link #withRatios}; {@code load} the load average when it ended.
 */
record LdapRun(String operation, String side, String baseline, long entries, double seconds, double entriesPerSecond,
        Double ratio, String load) {

    static final String CONNECTOR = "connector";
    static final String PLAIN = "plain";

    /** The runs, each with its ratio to the run of its baseline (null where there is none). */
    static List<LdapRun> withRatios(List<LdapRun> runs) {
        return runs.stream().map(run -> {
            Double baseline = runs.stream().filter(other -> run.baseline() != null && run.baseline().equals(other.key()))
                    .map(LdapRun::entriesPerSecond).findFirst().orElse(null);
            return new LdapRun(run.operation, run.side, run.baseline, run.entries, run.seconds, run.entriesPerSecond,
                    baseline == null ? null : run.entriesPerSecond / baseline, run.load);
        }).toList();
    }

    /** How a baseline names this run: {@code side operation}. */
    String key() {
        return side + " " + operation;
    }

    static TextTable table(List<LdapRun> runs) {
        TextTable table = new TextTable("operation", "side", "entries", "seconds", "entries/s", "ratio", "vs", "load avg");
        for (LdapRun run : runs) {
            table.row(run.operation(), run.side(), String.format("%,d", run.entries()), TextTable.number(run.seconds(), 1),
                    TextTable.number(run.entriesPerSecond(), 0), TextTable.number(run.ratio(), 2), run.baseline(), run.load());
        }
        return table;
    }
}
