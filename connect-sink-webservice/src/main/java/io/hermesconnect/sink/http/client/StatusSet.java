package io.hermesconnect.sink.http.client;

import java.util.BitSet;
import java.util.List;

/** A set of HTTP status codes, written as codes and ranges: {@code 200-299,304}. */
public final class StatusSet {

    private static final int MIN = 100;
    private static final int MAX = 599;

    private final BitSet statuses;

    private StatusSet(BitSet statuses) {
        this.statuses = statuses;
    }

    /**
     * Parses codes and inclusive ranges between 100 and 599.
     *
     * @throws IllegalArgumentException saying which item is not a code or range
     */
    public static StatusSet parse(List<String> items) {
        BitSet statuses = new BitSet(MAX + 1);
        for (String item : items) {
            String[] bounds = item.trim().split("-", -1);
            if (bounds.length > 2) {
                throw new IllegalArgumentException("'" + item + "' is not a status code nor a range like 200-299");
            }
            int from = code(bounds[0], item);
            int to = bounds.length == 2 ? code(bounds[1], item) : from;
            if (to < from) {
                throw new IllegalArgumentException("'" + item + "' is a range whose end is below its start");
            }
            statuses.set(from, to + 1);
        }
        return new StatusSet(statuses);
    }

    private static int code(String text, String item) {
        try {
            int code = Integer.parseInt(text.trim());
            if (code >= MIN && code <= MAX) {
                return code;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, naming the item
        }
        throw new IllegalArgumentException("'" + item + "' is not a status code nor a range of codes between " + MIN + " and " + MAX);
    }

    public boolean contains(int status) {
        return status >= 0 && statuses.get(status);
    }
}
