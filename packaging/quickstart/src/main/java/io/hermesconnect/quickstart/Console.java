package io.hermesconnect.quickstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the user sees: progress lines stamped with the time since the command started, warnings on stderr. */
final class Console {

    private final long startNanos = System.nanoTime();

    /** Seconds since start with one decimal, e.g. {@code 12.3s}. */
    String elapsed() {
        return seconds(System.nanoTime() - startNanos);
    }

    static String seconds(long nanos) {
        long tenths = nanos / 100_000_000;
        return tenths / 10 + "." + tenths % 10 + "s";
    }

    void say(String message) {
        System.out.printf("[%7s] %s%n", elapsed(), message);
    }

    void warn(String message) {
        System.err.printf("[%7s] WARNING: %s%n", elapsed(), message);
    }

    /** The last {@code lines} lines of a log, framed, on stderr; nothing if there is no such file. */
    void showTail(Path log, int lines, String shownAs) {
        List<String> all;
        try {
            all = Files.readAllLines(log);
        } catch (IOException e) {
            return;
        }
        System.err.println("--- last lines of " + shownAs + " ---");
        all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.err::println);
        System.err.println("---");
    }
}
