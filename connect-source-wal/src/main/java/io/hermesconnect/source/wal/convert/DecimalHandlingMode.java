package io.hermesconnect.source.wal.convert;

import io.hermesconnect.common.event.SemanticTypes;

/** How {@code numeric} columns are represented (config {@code decimal.handling.mode}). */
public enum DecimalHandlingMode {
    /**
     * Exact: Connect {@code Decimal} with the column's scale; an unconstrained {@code numeric} (no scale
     * in its type) becomes a {@link SemanticTypes#VARIABLE_SCALE_DECIMAL} struct. NaN and ±Infinity
     * have no exact form and become null.
     */
    PRECISE,
    /** {@code float64}; may lose digits; NaN and ±Infinity are kept. */
    DOUBLE,
    /** The server's text, e.g. {@code 12.50}, {@code NaN}, {@code -Infinity}. */
    STRING
}
