package io.hermesconnect.bench.wal;

/**
 * Rows inserted into one table in transactions of {@code rowsPerTransaction} rows (the last one may be
 * smaller). Every consumer reads the same workload from its own slot.
 */
public record Workload(String name, long rows, long rowsPerTransaction) {

    public Workload {
        if (rows < 1 || rowsPerTransaction < 1) {
            throw new IllegalArgumentException("workload " + name + " needs rows >= 1 and rows per transaction >= 1");
        }
    }

    public long transactions() {
        return (rows + rowsPerTransaction - 1) / rowsPerTransaction;
    }

    public String describe() {
        return rowsPerTransaction == 1 ? rows + " single-row txns"
                : transactions() == 1 ? rows + " rows in one txn"
                : rows + " rows in " + rowsPerTransaction + "-row txns";
    }
}
